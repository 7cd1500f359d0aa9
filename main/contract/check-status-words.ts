import type { CheckStatus } from './checks';

/**
 * What each check status is called wherever a person reads it: the app's badges, the `hireproof`
 * command's lines and HR's report card, so a check reads the same in all three.
 */
export const CHECK_STATUS_WORDS: Record<CheckStatus, string> = {
  pass: 'Passed',
  fail: 'Failed',
  warn: 'Warning',
  error: 'Could not check',
  'n/a': 'Not applicable',
};
