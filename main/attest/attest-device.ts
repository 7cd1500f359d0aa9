import type { ChecksReport } from '../contract/checks';
import type { Identity } from '../contract/identity';
import type { ReportPayload } from '../contract/report';
import type { Enrolment } from '../data/enrolment';
import { takeChallenge } from '../hr/hr-client';
import type { DeviceSigner } from '../identity/device-signer';
import { signReport } from '../identity/sign-report';
import { deliverQueued, type DeliverySummary } from '../outbox/deliver';
import { httpSender } from '../outbox/http-sender';
import type { Outbox } from '../outbox/outbox';
import { buildReport, type ReportParts } from './build-report';

export interface Attestation {
  report: ReportPayload;
  delivery: DeliverySummary;
}

/**
 * Takes a fresh challenge, signs one report over everything observed, queues it durably, then
 * delivers the queue. If the server cannot be reached now, the report waits in the outbox.
 */
export async function attestDevice(input: {
  enrolment: Enrolment;
  signer: DeviceSigner;
  outbox: Outbox;
  identity: Identity;
  checks: ChecksReport;
  appVersion: string;
  kind: ReportPayload['kind'];
  evidence?: Pick<ReportParts, 'face' | 'liveness' | 'input' | 'consent'>;
  deliveryDeadlineMs?: number;
}): Promise<Attestation> {
  const { nonce } = await takeChallenge(input.enrolment.server, input.enrolment.deviceId);
  const report = buildReport({
    deviceId: input.enrolment.deviceId,
    nonce,
    appVersion: input.appVersion,
    kind: input.kind,
    identity: input.identity,
    checks: input.checks,
    ...input.evidence,
  });
  await input.outbox.enqueue(report.reportId, await signReport(report, input.signer));
  const delivery = await deliverQueued(input.outbox, httpSender(input.enrolment.server), {
    deadlineMs: input.deliveryDeadlineMs ?? 30_000,
  });
  return { report, delivery };
}
