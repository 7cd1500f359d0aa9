import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hireproof } from '../support/cli';
import { tempDir } from '../support/fake-electron';

describe('hireproof serve --policy', () => {
  it('refuses a bad device policy before starting, naming each bad field', async () => {
    const dir = await tempDir('serve-policy');
    const file = join(dir, 'policy.json');
    await writeFile(
      file,
      JSON.stringify({
        device: { autoLaunch: 'yes', helpdeskMenu: 1, reattestation: { maxDeferrals: -1, snooze: true } },
      }),
    );
    const { code, stdout, stderr } = await hireproof([
      'serve',
      '--port',
      '0',
      '--data',
      dir,
      '--policy',
      file,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`policy ${file} is invalid`);
    for (const field of [
      'device.autoLaunch',
      'device.helpdeskMenu',
      'device.reattestation.maxDeferrals',
      'device.reattestation',
    ])
      expect(stderr).toContain(`at ${field}`);
    expect(stderr).toContain('snooze');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
