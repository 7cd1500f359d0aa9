/** Where a hire stands, as HR sees it at a glance. */
export type HireStatus = 'invited' | 'enrolled' | 'verified' | 'review' | 'failed' | 'overdue' | 'offboarded';

export function hireStatus(input: {
  devices: { next_due_at: string; client: 'app' | 'cli' }[];
  latestVerdict: 'pass' | 'review' | 'fail' | null;
  /** Set only by a passed onboarding or re-attestation: a device-only pass never verifies. */
  verifiedAt: string | null;
  /** Set once HR offboarded the hire: nothing is due any more. */
  offboardedAt: string | null;
  now: Date;
}): HireStatus {
  if (input.offboardedAt) return 'offboarded';
  if (input.devices.length === 0) return 'invited';
  if (input.latestVerdict === 'fail') return 'failed';
  if (input.latestVerdict === 'review') return 'review';
  // Only the app re-attests; the headless command's device checks have no due date of their own.
  const app = input.devices.filter((d) => d.client === 'app');
  if (app.some((d) => d.next_due_at < input.now.toISOString())) return 'overdue';
  return input.latestVerdict === 'pass' && input.verifiedAt !== null ? 'verified' : 'enrolled';
}
