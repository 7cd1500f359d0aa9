import { z } from 'zod';

/**
 * What a report is, as the server's challenge decides: the first-day run, a scheduled
 * re-attestation (both with face, liveness and input evidence), or a device-only check that can
 * never verify a hire (the headless command, or the app between re-attestations).
 */
export const ReportKind = z.enum(['onboarding', 'reattestation', 'device-check']);
export type ReportKind = z.infer<typeof ReportKind>;

/** The kinds that carry the hire's own evidence (face, liveness, input): only these can verify a hire. */
export const VerifyingReportKind = ReportKind.extract(['onboarding', 'reattestation']);
export type VerifyingReportKind = z.infer<typeof VerifyingReportKind>;
