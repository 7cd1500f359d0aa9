import { describe, expect, it } from 'vitest';
import { CheckStatus, type ChecksReport } from '../../main/contract/checks';
import { formatChecks } from '../../main/cli/format-checks';
import { STATUS_LABEL } from '../../renderer/checks/status-label';

const reportWith = (status: CheckStatus): ChecksReport => ({
  schema: 'hireproof.checks/v1',
  verdict: 'pass',
  platform: 'linux',
  durationMs: 1,
  checks: [
    {
      id: 'app.integrity',
      title: 'HireProof release integrity',
      status,
      severity: 'critical',
      summary: 'Running from source (version 0.1.0): only packaged releases are signed and sealed.',
      evidence: [],
      remediation: '',
      durationMs: 1,
    },
  ],
});

describe('a check reads the same in the app and in the hireproof command', () => {
  it.each(CheckStatus.options)('%s: the command line starts with the word on the app’s badge', (status) => {
    const line = formatChecks(reportWith(status)).split('\n')[0];
    expect(line).toMatch(new RegExp(`^${STATUS_LABEL[status]} +app\\.integrity +Running from source`));
  });

  it('app.integrity from source is "Not applicable" in both', () => {
    expect(STATUS_LABEL['n/a']).toBe('Not applicable');
    expect(formatChecks(reportWith('n/a'))).toMatch(/^Not applicable +app\.integrity/);
  });
});
