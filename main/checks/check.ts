import type { CheckStatus, EvidenceRow, Platform, Severity } from '../contract/checks';
import type { Policy } from '../contract/policy';
import type { ProbeFacts, ProbeId } from '../probes/facts';

export interface CheckContext {
  policy: Policy;
  platform: Platform;
  /**
   * The address the HR service received the report from: its own observation, which the device
   * cannot make (it does not know its egress address). Absent on the device.
   */
  reportAddress?: string;
}

/** What a rule decides from the facts. A rule may name a sharper fix than the check's default. */
export interface Outcome {
  status: Exclude<CheckStatus, 'error'> | 'error';
  summary: string;
  evidence: EvidenceRow[];
  remediation?: string;
}

/**
 * A check is data: what it needs, how bad a failure is, why it matters and how the hire fixes it.
 * The rule is a pure function of the probes' facts, so every check is testable without a machine.
 */
export interface Check<P extends ProbeId = ProbeId> {
  id: string;
  /** What is checked, not how it should turn out: it stands beside a Passed, Warning or Failed badge. */
  title: string;
  platforms: readonly Platform[];
  probes: readonly P[];
  severity: Severity;
  rationale: string;
  remediation: string;
  rule: (facts: Pick<ProbeFacts, P>, context: CheckContext) => Outcome;
}

export function defineCheck<P extends ProbeId>(check: Check<P>): Check<P> {
  return check;
}
