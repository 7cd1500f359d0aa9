import { randomUUID } from 'node:crypto';
import type { ChecksReport } from '../contract/checks';
import type { Identity } from '../contract/identity';
import type { Observations } from '../contract/observations';
import { REPORT_SCHEMA, type ReportPayload } from '../contract/report';

export type ReportParts = Pick<ReportPayload, 'deviceId' | 'nonce' | 'appVersion' | 'kind'> &
  Partial<Pick<ReportPayload, 'face' | 'liveness' | 'input' | 'consent'>> & {
    identity: Identity;
    observations: Observations;
    checks: ChecksReport;
    issuedAt?: Date;
  };

/** One attestation, ready to sign. The verdict inside is the app's advice; the server decides. */
export function buildReport(parts: ReportParts): ReportPayload {
  return {
    schema: REPORT_SCHEMA,
    reportId: randomUUID(),
    deviceId: parts.deviceId,
    nonce: parts.nonce,
    issuedAt: (parts.issuedAt ?? new Date()).toISOString(),
    appVersion: parts.appVersion,
    kind: parts.kind,
    identity: parts.identity,
    observations: parts.observations,
    checks: parts.checks,
    face: parts.face ?? null,
    liveness: parts.liveness ?? null,
    input: parts.input ?? null,
    consent: parts.consent ?? null,
    advisoryVerdict: parts.checks.verdict,
  };
}
