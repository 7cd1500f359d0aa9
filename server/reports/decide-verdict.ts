import type { z } from 'zod';
import { Verdict } from '../../main/contract/checks';
import type { IdentityClaims } from '../../main/contract/identity';
import { Reason } from '../../main/contract/protocol';
import type { ReportPayload } from '../../main/contract/report';
import { identityDrift } from '../../main/identity/drift';
import type { ServerPolicy } from '../server-policy';

/** A reason as stored: with how much it weighs, so a later step (the face re-check) can re-decide. */
export const WeighedReason = Reason.extend({ weight: Verdict });
export type WeighedReason = z.infer<typeof WeighedReason>;

export interface Decision {
  verdict: Verdict;
  reasons: WeighedReason[];
  /** Face frames to re-check off the request path. */
  faceToVerify: boolean;
}

export interface DecisionInput {
  payload: ReportPayload;
  enrolledIdentity: IdentityClaims;
  expectedSerial: string | null;
  hasReferenceFace: boolean;
  policy: ServerPolicy;
}

/**
 * The server's verdict, from the signed evidence under the server's policy: the app's own verdict
 * and its report-only flags are ignored. fail if any reason is a failure, review if any asks for
 * a human, else pass. Every reason names the check and the evidence that decided it.
 */
export function decideVerdict({
  payload,
  enrolledIdentity,
  expectedSerial,
  hasReferenceFace,
  policy,
}: DecisionInput): Decision {
  const reasons: Decision['reasons'] = [];
  const mode = (id: string) => policy.device.checks[id] ?? 'enforce';

  for (const check of payload.checks.checks) {
    if (mode(check.id) !== 'enforce' || check.status === 'pass' || check.status === 'n/a') continue;
    const critical = check.severity === 'critical' || check.severity === 'high';
    const weight: Verdict = check.status === 'fail' && critical ? 'fail' : 'review';
    reasons.push({
      check: check.id,
      message: `${check.status}: ${check.summary}`,
      evidence: check.evidence.slice(0, 20),
      weight,
    });
  }
  const reported = new Set(payload.checks.checks.map((c) => c.id));
  for (const id of policy.requiredChecks.filter((id) => mode(id) !== 'off' && !reported.has(id))) {
    reasons.push({ check: id, message: 'missing from the report (an old or altered app)', weight: 'review' });
  }

  const serial = payload.identity.claims.serial.value;
  if (expectedSerial && typeof serial !== 'string') {
    reasons.push({
      check: 'identity.device',
      message: `the device did not report its serial (${payload.identity.claims.serial.unavailable ?? 'no value'}); expected ${expectedSerial}`,
      evidence: [{ claim: 'serial', reported: null, expected: expectedSerial }],
      weight: 'review',
    });
  } else if (
    expectedSerial &&
    typeof serial === 'string' &&
    serial.toLowerCase() !== expectedSerial.toLowerCase()
  ) {
    reasons.push({
      check: 'identity.device',
      message: `serial ${serial} is not the hire's expected device ${expectedSerial}`,
      evidence: [{ claim: 'serial', reported: serial, expected: expectedSerial }],
      weight: 'fail',
    });
  }
  const drift = identityDrift(enrolledIdentity, payload.identity.claims).filter((d) => d.stable);
  if (drift.length > 0) {
    reasons.push({
      check: 'identity.drift',
      message: `changed since enrolment: ${drift.map((d) => d.claim).join(', ')}`,
      evidence: drift.map((d) => ({
        claim: d.claim,
        before: JSON.stringify(d.before),
        after: JSON.stringify(d.after),
      })),
      weight: 'review',
    });
  }

  const faceRequired = policy.faceRequiredFor.includes(payload.kind);
  const face = payload.face;
  let faceToVerify = false;
  if (face?.humanCheckRequested) {
    reasons.push({
      check: 'face.match',
      message: 'the hire asked for a human video check',
      weight: 'review',
    });
  } else if (face && face.frames.length > 0 && hasReferenceFace) {
    faceToVerify = true;
  } else if (faceRequired) {
    reasons.push({
      check: 'face.match',
      message: face ? 'no face frames to verify' : 'no face evidence in the report',
      weight: 'review',
    });
  }
  if (payload.liveness && !payload.liveness.passed) {
    reasons.push({
      check: 'face.liveness',
      message: 'the liveness challenges were not passed',
      weight: 'review',
    });
  } else if (faceRequired && !payload.liveness && !face?.humanCheckRequested) {
    reasons.push({ check: 'face.liveness', message: 'no liveness evidence in the report', weight: 'review' });
  }
  if (payload.input?.humanCheckRequested) {
    reasons.push({
      check: 'input.cadence',
      message: 'the hire asked for a person’s check instead of the timed typing and reaction tasks',
      weight: 'review',
    });
  } else if (payload.input?.decision === 'suspect') {
    reasons.push({
      check: 'input.cadence',
      message: `input timing looks remote (score ${payload.input.score.toFixed(2)})`,
      weight: 'review',
    });
  }
  return { verdict: verdictOfReasons(reasons), reasons, faceToVerify };
}

export function verdictOfReasons(reasons: readonly { weight: Verdict }[]): Verdict {
  if (reasons.some((r) => r.weight === 'fail')) return 'fail';
  if (reasons.some((r) => r.weight === 'review')) return 'review';
  return 'pass';
}
