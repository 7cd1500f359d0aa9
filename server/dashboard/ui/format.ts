import type { Verdict } from '../../../main/contract/checks';
import type { HireStatus } from '../../../main/contract/hr-api';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));

export const STATUS_LABEL: Record<HireStatus, string> = {
  verified: 'Verified',
  review: 'Needs review',
  failed: 'Failed',
  overdue: 'Overdue',
  enrolled: 'Enrolled',
  invited: 'Invited',
  offboarded: 'Offboarded',
};

/** The order HR reads the overview in: what needs a person first. */
export const STATUS_ORDER: HireStatus[] = [
  'review',
  'failed',
  'overdue',
  'verified',
  'enrolled',
  'invited',
  'offboarded',
];

export const VERDICT_LABEL: Record<Verdict, string> = { pass: 'Pass', review: 'Review', fail: 'Fail' };
