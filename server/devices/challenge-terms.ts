import { drawChallenges } from '../../main/contract/liveness';
import type { DeviceClient, RequiredEvidence } from '../../main/contract/protocol';
import type { ReportKind, ReportPayload } from '../../main/contract/report';
import type { ServerPolicy } from '../server-policy';
import { isDue } from './schedule';

export interface ChallengeTerms {
  kind: ReportKind;
  evidence: RequiredEvidence;
}

/**
 * What the next report must be, decided by the server: the app onboards until its hire is
 * verified and re-attests when due (from the prompt window on); anything else, and everything
 * the headless command sends, is a device-only check, which can never verify a hire.
 */
export function challengeTerms(input: {
  client: DeviceClient;
  hireVerified: boolean;
  /** The hire withdrew biometric consent (or HR did): a person checks the hire, the camera never. */
  biometricWithdrawn: boolean;
  nextDueAt: string;
  now: Date;
  policy: ServerPolicy;
  /** Draws the movements (see drawChallenges). */
  random: () => number;
}): ChallengeTerms {
  const kind: ReportKind =
    input.client === 'cli'
      ? 'device-check'
      : !input.hireVerified
        ? 'onboarding'
        : isDue(input.nextDueAt, input.now, input.policy.device.reattestation.promptHoursBefore)
          ? 'reattestation'
          : 'device-check';
  const face =
    kind !== 'device-check' && !input.biometricWithdrawn && input.policy.faceRequiredFor.includes(kind);
  return {
    kind,
    evidence: {
      face,
      liveness: face,
      input: kind !== 'device-check',
      ...(face ? { movements: drawChallenges(input.random) } : {}),
    },
  };
}

/**
 * Why a signed report does not answer its challenge, or null when it does. The human paths are
 * answers, not mismatches: no biometric consent (no face, no liveness) and a request for a person
 * instead of the camera or the timed tasks. A correctly signed mismatch means an altered app.
 */
export function termsMismatch(payload: ReportPayload, terms: ChallengeTerms): string | null {
  if (payload.kind !== terms.kind)
    return `the challenge asked for a ${terms.kind} report; this one says ${payload.kind}`;
  const { evidence } = terms;
  const extra = (['face', 'liveness', 'input'] as const).filter((part) => !evidence[part] && payload[part]);
  if (extra.length > 0) return `it carries ${extra.join(', ')} evidence the challenge did not ask for`;
  if (evidence.face || evidence.liveness) {
    if (!payload.consent) return 'it carries no consent record';
    const humanPath = !payload.consent.biometric || payload.face?.humanCheckRequested === true;
    if (!payload.consent.biometric && (payload.face || payload.liveness))
      return 'it carries biometric evidence without biometric consent';
    if (!humanPath) {
      if (evidence.face && (!payload.face || payload.face.frames.length === 0))
        return 'the challenge asked for face frames; there are none';
      if (evidence.liveness && !payload.liveness)
        return 'the challenge asked for liveness evidence; there is none';
    }
  }
  const answered = payload.liveness?.movements?.map((m) => m.kind);
  if (evidence.movements && answered && answered.join(',') !== evidence.movements.join(','))
    return `the challenge asked for the movements ${evidence.movements.join(', ')}; the report answers ${answered.join(', ') || 'none'}`;
  if (evidence.input && !payload.input) return 'the challenge asked for input evidence; there is none';
  return null;
}
