import { describe, expect, it } from 'vitest';
import { hireproof } from '../support/cli';

const COMMANDS = [
  'check',
  'identity',
  'enrol',
  'attest',
  'outbox',
  'cadence',
  'face-compare',
  'serve',
  'hire',
  'admin',
];

describe('hireproof <command> --help', () => {
  it.each(COMMANDS)('%s prints its own usage and succeeds, doing nothing else', async (command) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await hireproof([command, flag]);
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toMatch(new RegExp(`^usage: hireproof ${command}\\b`));
      expect(stdout.trim().split('\n')).toHaveLength(1);
    }
  });
});
