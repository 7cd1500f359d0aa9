import { compactVerify, decodeProtectedHeader, errors, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import { LEGACY_REPORT_SCHEMAS, MAX_REPORT_BYTES, REPORT_JWS_TYPE, ReportPayload } from './report';

export const ReportRejection = z.enum([
  'report.too-large',
  'report.malformed',
  'report.bad-algorithm',
  'report.unknown-key',
  'report.bad-signature',
  'report.bad-schema',
  'report.outdated',
  'report.wrong-device',
  'report.stale',
  'report.from-future',
  'nonce.unknown',
  'nonce.expired',
  'nonce.reused',
]);
export type ReportRejection = z.infer<typeof ReportRejection>;

export type NonceState = 'ok' | 'unknown' | 'expired' | 'used';

export interface OpenReportOptions {
  /** The enrolled device whose key has this RFC 7638 thumbprint (the JWS `kid`). */
  keyFor(thumbprint: string): Promise<{ deviceId: string; publicJwk: JWK } | null>;
  now: Date;
  maxSkewMs?: number;
  maxBytes?: number;
}

export interface VerifyReportOptions extends OpenReportOptions {
  /** Marks the nonce used if it was issued to this device, is fresh and unused; atomically. */
  consumeNonce(deviceId: string, nonce: string): Promise<NonceState>;
}

export type VerifiedReport =
  | { ok: true; deviceId: string; payload: ReportPayload }
  | { ok: false; code: ReportRejection; message: string };

const reject = (code: ReportRejection, message: string): VerifiedReport => ({ ok: false, code, message });

const NONCE_REJECTION: Record<Exclude<NonceState, 'ok'>, [ReportRejection, string]> = {
  unknown: ['nonce.unknown', 'the nonce was not issued to this device'],
  expired: ['nonce.expired', 'the nonce has expired; take a new challenge'],
  used: ['nonce.reused', 'the nonce was already used by another report'],
};

/**
 * Everything the server needs to trust a report, in order: size, algorithm pinned to EdDSA, the
 * enrolled key, signature, schema, device, issued-at skew, and the one-time nonce (checked last, so
 * a report that fails anything else does not burn it).
 */
export async function verifyReport(jws: string, options: VerifyReportOptions): Promise<VerifiedReport> {
  const opened = await openReport(jws, options);
  if (!opened.ok) return opened;
  return nonceVerdict(opened, await options.consumeNonce(opened.deviceId, opened.payload.nonce));
}

/** A verified report whose nonce is in `state`: the report, or the nonce's rejection. */
export function nonceVerdict(opened: VerifiedReport & { ok: true }, state: NonceState): VerifiedReport {
  return state === 'ok' ? opened : reject(...NONCE_REJECTION[state]);
}

/**
 * Every check but the nonce. A server that must consume the nonce in the same transaction as it
 * stores the report calls this, then `nonceVerdict` inside its transaction.
 */
export async function openReport(jws: string, options: OpenReportOptions): Promise<VerifiedReport> {
  const maxBytes = options.maxBytes ?? MAX_REPORT_BYTES;
  if (jws.length > maxBytes)
    return reject('report.too-large', `the report is ${jws.length} bytes; the limit is ${maxBytes}`);
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return reject('report.malformed', 'the body is not a compact JWS');
  }
  if (header.alg !== 'EdDSA')
    return reject('report.bad-algorithm', `alg ${String(header.alg)} is not accepted; only EdDSA`);
  if (header.typ !== REPORT_JWS_TYPE) return reject('report.malformed', `typ must be ${REPORT_JWS_TYPE}`);
  const device = typeof header.kid === 'string' ? await options.keyFor(header.kid) : null;
  if (!device) return reject('report.unknown-key', 'no enrolled device has the key that signed this report');

  let payloadBytes: Uint8Array;
  try {
    const key = await importJWK(device.publicJwk, 'EdDSA');
    ({ payload: payloadBytes } = await compactVerify(jws, key, { algorithms: ['EdDSA'] }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return reject('report.bad-signature', 'the signature does not verify');
    return reject('report.malformed', `the JWS cannot be verified: ${(error as Error).message}`);
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch {
    return reject('report.bad-schema', 'the payload is not JSON');
  }
  const schema = (json as { schema?: unknown } | null)?.schema;
  if (LEGACY_REPORT_SCHEMAS.some((legacy) => legacy === schema))
    return reject(
      'report.outdated',
      `${String(schema)} reports carry the app's conclusions, not its observations; update HireProof and check again`,
    );
  const parsed = ReportPayload.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return reject(
      'report.bad-schema',
      `${first?.path.join('.') || 'payload'}: ${first?.message ?? 'invalid'}`,
    );
  }
  const payload = parsed.data;
  if (payload.deviceId !== device.deviceId)
    return reject('report.wrong-device', 'the report names another device than its key');

  const skew = Date.parse(payload.issuedAt) - options.now.getTime();
  const maxSkew = options.maxSkewMs ?? 5 * 60_000;
  if (skew < -maxSkew)
    return reject(
      'report.stale',
      `issued ${Math.round(-skew / 1000)} s ago; the limit is ${maxSkew / 1000} s`,
    );
  if (skew > maxSkew)
    return reject('report.from-future', `issued ${Math.round(skew / 1000)} s in the future`);
  return { ok: true, deviceId: device.deviceId, payload };
}
