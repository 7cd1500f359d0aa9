import type { CheckStatus } from '../../main/contract/checks';

/** Words, not only colours: every status is readable without seeing the badge's colour. */
export const STATUS_LABEL: Record<CheckStatus | 'pending' | 'running', string> = {
  pass: 'Passed',
  fail: 'Failed',
  warn: 'Warning',
  error: 'Could not check',
  'n/a': 'Not applicable',
  pending: 'Waiting',
  running: 'Checking…',
};

export const needsFix = (status: CheckStatus) => status === 'fail' || status === 'warn' || status === 'error';
