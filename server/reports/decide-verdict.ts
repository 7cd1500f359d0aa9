import type { z } from 'zod';
import { blocksOnFailure, Verdict } from '../../main/contract/checks';
import type { IdentityClaims } from '../../main/contract/identity';
import { Reason } from '../../main/contract/protocol';
import type { ReportPayload } from '../../main/contract/report';
import { identityDrift } from '../../main/contract/identity-drift';
import type { ServerPolicy } from '../server-policy';
import { CATALOGUE_VERSION } from '../../main/checks/catalogue-version';
import { checks as catalogue } from '../../main/checks/catalogue/index';
import { judgeAll } from '../../main/checks/judge';
import type { CheckResult, EvidenceRow } from '../../main/contract/checks';
import type { Observations, ProbeId, ProbeReadings } from '../../main/contract/observations';
import type { DeviceClient } from '../../main/contract/protocol';
import { probeReadable } from '../../main/probes/registry';

/** A reason as stored: with how much it weighs, so a later step (the face re-check) can re-decide. */
export const WeighedReason = Reason.extend({ weight: Verdict });
export type WeighedReason = z.infer<typeof WeighedReason>;

export interface Decision {
  verdict: Verdict;
  reasons: WeighedReason[];
  /** Every check as the server judged it from the report's observations. */
  checks: CheckResult[];
  /** Face frames to re-check off the request path. */
  faceToVerify: boolean;
}

export interface DecisionInput {
  payload: ReportPayload;
  client: DeviceClient;
  enrolledIdentity: IdentityClaims;
  expectedSerial: string | null;
  hasReferenceFace: boolean;
  /** The hire's biometric consent was withdrawn: the camera check is replaced by a person's. */
  biometricWithdrawn: boolean;
  policy: ServerPolicy;
  /** A test or demo server accepts apps run from source. */
  demo: boolean;
  /** The address the report arrived from: the company's egress ranges are judged on it (the device cannot see its own). */
  reportAddress?: string;
}

/**
 * The server's verdict, from the signed observations under the server's policy: every check is
 * re-derived here with the shared rules, the catalogue's severities and the server's modes and
 * allow-list; what the app concluded is only compared. fail if any reason is a failure, review
 * if any asks for a human, else pass. Every reason names the check and the evidence that decided it.
 */
export function decideVerdict({
  payload,
  client,
  enrolledIdentity,
  expectedSerial,
  hasReferenceFace,
  biometricWithdrawn,
  policy,
  demo,
  reportAddress,
}: DecisionInput): Decision {
  const reasons: Decision['reasons'] = [];
  const mode = (id: string) => policy.device.checks[id] ?? 'enforce';
  const { observations } = payload;
  const checks = serverJudgement(observations, policy, reportAddress);

  for (const check of checks) {
    if (mode(check.id) !== 'enforce' || check.status === 'pass' || check.status === 'n/a') continue;
    const weight: Verdict = check.status === 'fail' && blocksOnFailure(check.severity) ? 'fail' : 'review';
    reasons.push({
      check: check.id,
      message: `${check.status}: ${check.summary}`,
      evidence: check.evidence.slice(0, 20),
      weight,
    });
  }
  const disagreements = disagreementsOf(payload, policy);
  if (disagreements.length > 0) {
    reasons.push({
      check: 'report.disagreement',
      message: `the app judged ${disagreements.length} check(s) otherwise than the server on the same observations and rules (an altered app?)`,
      evidence: disagreements,
      weight: 'review',
    });
  }
  const app = observations.probes.app;
  if (client === 'app' && !demo && app?.state === 'read' && !app.facts.packaged) {
    reasons.push({
      check: 'app.integrity',
      message: `the app runs from source (version ${app.facts.version}), not a packaged release; this server accepts releases only`,
      evidence: [{ aspect: 'app', packaged: false, path: app.facts.executablePath }],
      weight: 'review',
    });
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

  const faceRequired = payload.kind !== 'device-check' && policy.faceRequiredFor.includes(payload.kind);
  const face = payload.face;
  // No biometric consent, given or kept: the human path, where a person checks the hire.
  const declined = biometricWithdrawn || payload.consent?.biometric === false;
  let faceToVerify = false;
  if (faceRequired && declined) {
    reasons.push({
      check: 'face.match',
      message: biometricWithdrawn
        ? 'biometric consent was withdrawn: HR checks the hire in a video call with a person'
        : 'the hire declined the camera check: HR checks the hire in a video call with a person',
      weight: 'review',
    });
  } else if (face?.humanCheckRequested) {
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
  // The app's own liveness result is advisory (shown to the hire): the face job re-judges the
  // movements from their frames. Without frames to re-judge, the face match already asks for review.
  if (faceRequired && !payload.liveness && !face?.humanCheckRequested && !declined) {
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
  return { verdict: verdictOfReasons(reasons), reasons, checks, faceToVerify };
}

/**
 * The catalogue judged on the report's readings. A probe the device calls unavailable on a
 * platform where HireProof has a reader for it is an error, not `n/a`: only the catalogue decides
 * what cannot be checked.
 */
function serverJudgement(
  observations: Observations,
  policy: ServerPolicy,
  reportAddress: string | undefined,
): CheckResult[] {
  const readings: ProbeReadings = { ...observations.probes };
  for (const id of Object.keys(readings) as ProbeId[]) {
    if (readings[id]?.state === 'unavailable' && probeReadable(id, observations.platform))
      Object.assign(readings, {
        [id]: {
          state: 'error',
          message: `the device says it cannot read ${id} on ${observations.platform}, which HireProof can`,
        },
      });
  }
  return judgeAll(catalogue, readings, {
    policy: policy.device,
    platform: observations.platform,
    ...(reportAddress ? { reportAddress } : {}),
  });
}

/**
 * Where the app's own results differ from the server's judgement of the same readings under the
 * same rules (the catalogue version it names) and the policy its challenge carried; without what
 * only the server observes (the report's address), which the app cannot have judged on.
 */
function disagreementsOf(payload: ReportPayload, policy: ServerPolicy): EvidenceRow[] {
  if (payload.observations.catalogueVersion !== CATALOGUE_VERSION) return [];
  const sameRules = judgeAll(catalogue, payload.observations.probes, {
    policy: policy.device,
    platform: payload.observations.platform,
  });
  const device = new Map(payload.checks.checks.map((c) => [c.id, c]));
  return sameRules.flatMap((expected) => {
    const claimed = device.get(expected.id);
    if (claimed?.status === expected.status && claimed.severity === expected.severity) return [];
    return [
      {
        check: expected.id,
        app: claimed ? `${claimed.status} (${claimed.severity})` : 'missing',
        server: `${expected.status} (${expected.severity})`,
      },
    ];
  });
}

export function verdictOfReasons(reasons: readonly { weight: Verdict }[]): Verdict {
  if (reasons.some((r) => r.weight === 'fail')) return 'fail';
  if (reasons.some((r) => r.weight === 'review')) return 'review';
  return 'pass';
}
