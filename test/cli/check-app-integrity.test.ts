import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ChecksReport } from '../../main/contract/checks';

describe('hireproof check from a checkout', () => {
  it('reports app.integrity as n/a: running from source is never a failure', () => {
    // Other checks may fail on a CI machine running VNC or SSH: only app.integrity is asserted.
    const { stdout } = spawnSync(process.execPath, ['bin/hireproof.mjs', 'check', '--json'], {
      encoding: 'utf8',
    });
    const report = ChecksReport.parse(JSON.parse(stdout));
    const integrity = report.checks.find((check) => check.id === 'app.integrity');
    expect(integrity).toMatchObject({
      status: 'n/a',
      severity: 'critical',
      summary: expect.stringMatching(/^Running from source \(version \d+\.\d+\.\d+\)/) as unknown,
      evidence: [{ aspect: 'app', packaged: false, path: process.execPath }],
    });
    expect(report.checks.at(-1)?.id).toBe('app.integrity');
  });
});
