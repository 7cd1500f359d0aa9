import type { CheckStatus } from '../../main/contract/checks';
import { CHECK_STATUS_WORDS } from '../../main/contract/check-status-words';

/** Words, not only colours: every status is readable without seeing the badge's colour. */
export const STATUS_LABEL: Record<CheckStatus | 'pending' | 'running', string> = {
  ...CHECK_STATUS_WORDS,
  pending: 'Waiting',
  running: 'Checking…',
};

export const needsFix = (status: CheckStatus) => status === 'fail' || status === 'warn' || status === 'error';
