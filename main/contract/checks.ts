import { z } from 'zod';

/** Shared by the app, the CLI and the HR service: no Node, Electron or DOM imports here. */

export const Platform = z.enum(['linux', 'darwin', 'win32']);
export type Platform = z.infer<typeof Platform>;

export const CheckId = z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/, 'a dotted check id such as remote.tools');
export type CheckId = z.infer<typeof CheckId>;

export const CheckStatus = z.enum(['pass', 'fail', 'warn', 'error', 'n/a']);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const Severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;

/** A failed enforced check of these severities fails the report; any other finding asks for review. */
export const blocksOnFailure = (severity: Severity): boolean =>
  severity === 'critical' || severity === 'high';

export const Verdict = z.enum(['pass', 'review', 'fail']);
export type Verdict = z.infer<typeof Verdict>;

/** One row of what decided a check: flat, so it prints as a table and diffs cleanly. */
export const EvidenceRow = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type EvidenceRow = z.infer<typeof EvidenceRow>;

export const CheckResult = z.object({
  id: CheckId,
  title: z.string(),
  status: CheckStatus,
  severity: Severity,
  summary: z.string(),
  evidence: z.array(EvidenceRow).max(500),
  remediation: z.string(),
  durationMs: z.number().nonnegative(),
  /** Set when policy makes the check report-only: shown, but it does not move the verdict. */
  reportOnly: z.boolean().optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const ChecksReport = z.object({
  schema: z.literal('hireproof.checks/v1'),
  verdict: Verdict,
  platform: Platform,
  durationMs: z.number().nonnegative(),
  checks: z.array(CheckResult),
});
export type ChecksReport = z.infer<typeof ChecksReport>;
