import type { CheckResult } from '../contract/checks';
import type { ProbeFacts, ProbeId, ProbeReading, ProbeReadings } from '../contract/observations';
import type { Policy } from '../contract/policy';
import type { Check, CheckContext, Outcome } from './check';

export type JudgeContext = CheckContext;

/**
 * One check's outcome from what the probes read: the same pure step on the device (for the hire's
 * screen) and on the HR service (for the verdict), so both judge the same facts the same way.
 */
export function judgeCheck(check: Check, readings: ProbeReadings, context: JudgeContext): Outcome {
  if (!check.platforms.includes(context.platform)) {
    return { status: 'n/a', summary: `Not checked on ${context.platform}.`, evidence: [] };
  }
  const facts: Partial<Record<ProbeId, unknown>> = {};
  for (const id of check.probes) {
    const reading: ProbeReading | undefined = readings[id];
    if (!reading) {
      return {
        status: 'error',
        summary: `${id} was not observed.`,
        evidence: [{ probe: id, error: 'not observed' }],
      };
    }
    if (reading.state === 'unavailable') {
      return { status: 'n/a', summary: `Cannot be checked on ${context.platform} yet.`, evidence: [] };
    }
    if (reading.state === 'error') {
      return {
        status: 'error',
        summary: `Could not read ${id}: ${reading.message}`,
        evidence: [{ probe: id, error: reading.message }],
      };
    }
    facts[id] = reading.facts;
  }
  try {
    return check.rule(facts as ProbeFacts, context);
  } catch (error) {
    return {
      status: 'error',
      summary: `The check itself failed: ${messageOf(error)}`,
      evidence: [{ error: messageOf(error) }],
    };
  }
}

/** A check's result as reported: the catalogue's severity, and report-only where the policy does not enforce it. */
export function resultOf(check: Check, outcome: Outcome, policy: Policy, durationMs: number): CheckResult {
  return {
    id: check.id,
    title: check.title,
    status: outcome.status,
    severity: check.severity,
    summary: outcome.summary,
    evidence: outcome.evidence,
    remediation:
      outcome.status === 'pass' || outcome.status === 'n/a' ? '' : (outcome.remediation ?? check.remediation),
    durationMs,
    // A check set off still runs (the HR service judges it); for the hire it only reports.
    ...(policy.checks[check.id] === 'report-only' || policy.checks[check.id] === 'off'
      ? { reportOnly: true }
      : {}),
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every check of `catalogue` judged on one set of readings (a report's, or a re-judgement of the device's run). */
export function judgeAll(
  catalogue: readonly Check[],
  readings: ProbeReadings,
  context: JudgeContext,
  durationOf: (id: string) => number = () => 0,
): CheckResult[] {
  return catalogue.map((check) =>
    resultOf(check, judgeCheck(check, readings, context), context.policy, durationOf(check.id)),
  );
}
