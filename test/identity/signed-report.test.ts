import { generateKeyPairSync, createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../main/attest/build-report';
import type { ChecksReport } from '../../main/contract/checks';
import { ClaimName, type Identity, type IdentityClaims } from '../../main/contract/identity';
import type { ReportPayload } from '../../main/contract/report';
import { verifyReport, type NonceState, type VerifyReportOptions } from '../../main/contract/verify-report';
import type { DeviceSigner } from '../../main/identity/device-signer';
import { signReport } from '../../main/identity/sign-report';
import { softwareSigner } from '../../main/identity/software-signer';

const claims = Object.fromEntries(
  ClaimName.options.map((n) => [n, { value: null, source: 'test', unavailable: 'test' }]),
) as IdentityClaims;
const identity: Identity = {
  schema: 'hireproof.identity/v1',
  platform: 'linux',
  claims,
  fingerprint: 'a'.repeat(64),
};
const checks: ChecksReport = {
  schema: 'hireproof.checks/v1',
  verdict: 'pass',
  platform: 'linux',
  durationMs: 12,
  checks: [],
};
const NONCE = 'n'.repeat(32);

let device: DeviceSigner;
let stranger: DeviceSigner;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

beforeAll(async () => {
  device = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
  stranger = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
});

function server(
  nonces: Map<string, NonceState> = new Map([[NONCE, 'ok']]),
  now = new Date(),
): VerifyReportOptions {
  return {
    keyFor: (kid) =>
      Promise.resolve(kid === device.thumbprint ? { deviceId: 'dev-1', publicJwk: device.publicJwk } : null),
    consumeNonce(_deviceId, nonce) {
      const state = nonces.get(nonce) ?? 'unknown';
      if (state === 'ok') nonces.set(nonce, 'used');
      return Promise.resolve(state);
    },
    now,
  };
}

const report = (overrides: Partial<ReportPayload> = {}): ReportPayload => ({
  ...buildReport({
    deviceId: 'dev-1',
    nonce: NONCE,
    appVersion: '0.1.0',
    kind: 'device-check',
    identity,
    observations: { source: 'live', platform: 'linux', catalogueVersion: 'test', probes: {} },
    checks,
  }),
  ...overrides,
});

const codeOf = async (jws: string, options = server()) => {
  const result = await verifyReport(jws, options);
  return result.ok ? 'ok' : result.code;
};

describe('signed reports', () => {
  it('round-trips: what the device signs, the server reads back', async () => {
    const payload = report();
    const result = await verifyReport(await signReport(payload, device), server());
    expect(result).toEqual({ ok: true, deviceId: 'dev-1', payload });
  });

  it('rejects a tampered payload', async () => {
    const [h, , s] = (await signReport(report(), device)).split('.');
    const forged = b64(
      JSON.stringify({ ...report(), advisoryVerdict: 'pass', checks: { ...checks, verdict: 'pass' } }),
    );
    expect(await codeOf(`${h}.${forged}.${s}`)).toBe('report.bad-signature');
  });

  it('rejects a report signed by another device, or naming another device', async () => {
    const signedByStranger = await signReport(report(), { ...stranger, thumbprint: device.thumbprint });
    expect(await codeOf(signedByStranger)).toBe('report.bad-signature');
    expect(await codeOf(await signReport(report(), stranger))).toBe('report.unknown-key');
    expect(await codeOf(await signReport(report({ deviceId: 'dev-2' }), device))).toBe('report.wrong-device');
  });

  it('pins the algorithm: alg none and HS256 are refused', async () => {
    const body = b64(JSON.stringify(report()));
    const none = `${b64(JSON.stringify({ alg: 'none', typ: 'hireproof.report+jws', kid: device.thumbprint }))}.${body}.`;
    expect(await codeOf(none)).toBe('report.bad-algorithm');
    // The classic confusion attack: HMAC keyed with the public key's bytes.
    const header = b64(JSON.stringify({ alg: 'HS256', typ: 'hireproof.report+jws', kid: device.thumbprint }));
    const mac = createHmac('sha256', JSON.stringify(device.publicJwk)).update(`${header}.${body}`).digest();
    expect(await codeOf(`${header}.${body}.${b64(mac)}`)).toBe('report.bad-algorithm');
  });

  it('rejects stale, future, reused and unknown nonces, each with its own code', async () => {
    const old = report({ issuedAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    expect(await codeOf(await signReport(old, device))).toBe('report.stale');
    const ahead = report({ issuedAt: new Date(Date.now() + 10 * 60_000).toISOString() });
    expect(await codeOf(await signReport(ahead, device))).toBe('report.from-future');
    const nonces = new Map<string, NonceState>([[NONCE, 'ok']]);
    const jws = await signReport(report(), device);
    expect(await codeOf(jws, server(nonces))).toBe('ok');
    expect(await codeOf(await signReport(report(), device), server(nonces))).toBe('nonce.reused');
    expect(await codeOf(await signReport(report({ nonce: 'x'.repeat(32) }), device))).toBe('nonce.unknown');
    expect(await codeOf(jws, server(new Map([[NONCE, 'expired']])))).toBe('nonce.expired');
  });

  it('does not burn the nonce on a report that fails anything else', async () => {
    const nonces = new Map<string, NonceState>([[NONCE, 'ok']]);
    await codeOf(await signReport(report({ deviceId: 'dev-2' }), device), server(nonces));
    expect(nonces.get(NONCE)).toBe('ok');
  });

  it('rejects an oversized body, a non-JWS and a payload outside the schema', async () => {
    const huge = await signReport(report({ appVersion: 'x'.repeat(64) }), device);
    expect(await codeOf(huge, { ...server(), maxBytes: 1_000 })).toBe('report.too-large');
    expect(await codeOf('not a jws')).toBe('report.malformed');
    const extra = { ...report(), verdictOverride: 'pass' } as unknown as ReportPayload;
    expect(await codeOf(await signReport(extra, device))).toBe('report.bad-schema');
  });
});
