import type { ReportPayload } from '../../main/contract/report';
import { openReport, type ReportRejection } from '../../main/contract/verify-report';
import { columns } from '../db/codecs';
import type { ServerPolicy } from '../server-policy';
import { decideVerdict, type Decision } from './decide-verdict';

/** The enrolled device whose key signed the report, as stored. */
export interface SigningDevice {
  id: string;
  publicJwk: string;
  client: 'app' | 'cli';
  identity: string;
  expectedSerial: string | null;
  hasReferenceFace: boolean;
  /** The hire's biometric consent was withdrawn. */
  biometricWithdrawn: boolean;
}

export interface JudgeInput {
  jws: string;
  /** The device enrolled under the JWS's key id, or null when there is none (or no readable key id). */
  device: SigningDevice | null;
  /** The server's time, ISO-8601. */
  now: string;
  /** The address the report arrived from (see `DecisionInput.reportAddress`). */
  reportAddress: string;
}

export type Judged =
  | { ok: false; code: ReportRejection; message: string }
  | { ok: true; payload: ReportPayload; decision: Decision };

/**
 * The CPU-heavy part of taking a report: verify its signature and schema, then re-derive every
 * check and the verdict under the server's policy. Pure apart from the clock it is given, so it
 * runs in a worker thread (see `judgePool`).
 */
export async function judgeReport(input: JudgeInput, policy: ServerPolicy, demo: boolean): Promise<Judged> {
  const { device } = input;
  const opened = await openReport(input.jws, {
    now: new Date(input.now),
    keyFor: () =>
      Promise.resolve(
        device ? { deviceId: device.id, publicJwk: columns.devicePublicJwk.decode(device.publicJwk) } : null,
      ),
  });
  if (!opened.ok) return opened;
  if (!device) return { ok: false, code: 'report.unknown-key', message: 'unknown device' };
  const decision = decideVerdict({
    payload: opened.payload,
    client: device.client,
    enrolledIdentity: columns.deviceIdentity.decode(device.identity),
    expectedSerial: device.expectedSerial,
    hasReferenceFace: device.hasReferenceFace,
    biometricWithdrawn: device.biometricWithdrawn,
    policy,
    reportAddress: input.reportAddress,
    demo,
  });
  return { ok: true, payload: opened.payload, decision };
}
