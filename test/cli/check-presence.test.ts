import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ChecksReport } from '../../main/contract/checks';
import { sysroot } from '../support/sysroots';

function check(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/hireproof.mjs', 'check', '--json', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, report: ChecksReport.parse(JSON.parse(result.stdout)) };
}

describe('hireproof check with the local-presence checks', () => {
  it('exits 0 on the clean laptop sysroot', () => {
    const { code, report } = check('--sysroot', sysroot('laptop'));
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
  });

  it('exits 1 and names the failing checks on a PiKVM sysroot', () => {
    const { code, report } = check('--sysroot', sysroot('pikvm'));
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'display.ipkvm',
      'usb.ipkvm',
    ]);
  });

  it('runs every check on this real machine without a usage or internal error', () => {
    const { code, report } = check();
    expect([0, 1]).toContain(code);
    expect(report.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'display.ipkvm',
        'usb.ipkvm',
        'camera.virtual',
        'environment.vm',
        'network.tunnel',
      ]),
    );
    expect(report.checks.filter((c) => c.status === 'error')).toEqual([]);
  });
});
