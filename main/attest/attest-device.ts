import { checks as catalogue } from '../checks/catalogue/index';
import { judgeAll } from '../checks/judge';
import type { ChecksReport } from '../contract/checks';
import type { ChallengeResponse } from '../contract/protocol';
import type { ReportPayload } from '../contract/report';
import { verdictOf } from '../contract/verdict';
import type { Enrolment } from '../data/enrolment';
import { takeChallenge } from '../hr/hr-client';
import type { DeviceSigner } from '../identity/device-signer';
import { signReport } from '../identity/sign-report';
import { deliverQueued, type DeliverySummary } from '../outbox/deliver';
import { httpSender } from '../outbox/http-sender';
import type { Outbox } from '../outbox/outbox';
import { buildReport, type ReportParts } from './build-report';
import type { DeviceObservation } from './observe-device';

export interface Attestation {
  report: ReportPayload;
  challenge: ChallengeResponse;
  delivery: DeliverySummary;
}

export type EvidenceParts = Pick<ReportParts, 'face' | 'liveness' | 'input' | 'consent'>;

/**
 * The device's results under the policy the challenge names (the server's current one), so the
 * server can compare them with its own judgement of the same readings.
 */
function checksUnder(challenge: ChallengeResponse, observed: DeviceObservation): ChecksReport {
  const durations = new Map(observed.checks.checks.map((c) => [c.id, c.durationMs]));
  const results = judgeAll(
    catalogue,
    observed.observations.probes,
    { policy: challenge.policy, platform: observed.observations.platform },
    (id) => durations.get(id) ?? 0,
  );
  return { ...observed.checks, checks: results, verdict: verdictOf(results) };
}

/**
 * Signs one report on a challenge's terms (its kind; only the evidence it asks for), queues it
 * durably, then delivers the queue. Offline, the report waits in the outbox. The challenge is a
 * fresh one unless given: the app's camera step answers the challenge it took when it began.
 */
export async function attestDevice(input: {
  enrolment: Enrolment;
  signer: DeviceSigner;
  outbox: Outbox;
  observed: DeviceObservation;
  appVersion: string;
  /** The evidence, or how to gather it once the challenge says what it asks for (the movements). */
  evidence?: EvidenceParts | ((challenge: ChallengeResponse) => Promise<EvidenceParts>);
  deliveryDeadlineMs?: number;
  /** Taken earlier (the camera step's); it must still be unexpired. */
  challenge?: ChallengeResponse;
}): Promise<Attestation> {
  const challenge = input.challenge ?? (await takeChallenge(input.enrolment.server, input.signer));
  const asked = challenge.evidence;
  const evidence =
    typeof input.evidence === 'function' ? await input.evidence(challenge) : (input.evidence ?? {});
  const report = buildReport({
    deviceId: input.enrolment.deviceId,
    nonce: challenge.nonce,
    appVersion: input.appVersion,
    kind: challenge.kind,
    identity: input.observed.identity,
    observations: input.observed.observations,
    checks: checksUnder(challenge, input.observed),
    consent: evidence.consent ?? null,
    face: asked.face ? (evidence.face ?? null) : null,
    liveness: asked.liveness ? (evidence.liveness ?? null) : null,
    input: asked.input ? (evidence.input ?? null) : null,
  });
  await input.outbox.enqueue(report.reportId, await signReport(report, input.signer));
  const delivery = await deliverQueued(input.outbox, httpSender(input.enrolment.server), {
    deadlineMs: input.deliveryDeadlineMs ?? 30_000,
  });
  return { report, challenge, delivery };
}
