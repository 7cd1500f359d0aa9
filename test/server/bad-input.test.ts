import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES } from '../../main/contract/report';
import { api, startTestServer, storages } from '../support/hr-service';
import { enrolDevice } from '../support/device-under-test';
import type { DeviceSigner } from '../../main/identity/device-signer';
import { deviceAuthorization } from '../../main/identity/sign-request';
import { softwareSigner } from '../../main/identity/software-signer';

const TABLES = [
  'hires',
  'enrolment_codes',
  'devices',
  'nonces',
  'reports',
  'jobs',
  'webhooks',
  'audit_log',
  'sessions',
  'admin_tokens',
] as const;

describe.each(storages)('bad input on %s: the right 4xx and nothing written', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;
  let device: Awaited<ReturnType<typeof enrolDevice>>;

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
    base = server.url;
    device = await enrolDevice(base);
  }, 60_000);
  afterAll(async () => server?.close());

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(
          async (t) =>
            [
              t,
              Number(
                (
                  await server.context.db
                    .selectFrom(t)
                    .select((eb) => eb.fn.countAll().as('n'))
                    .executeTakeFirstOrThrow()
                ).n,
              ),
            ] as const,
        ),
      ),
    );

  async function expectRefused(
    call: () => Promise<{ status: number; json: { error?: { code: string } } }>,
    status: number,
    code: string,
  ) {
    const before = await counts();
    const response = await call();
    expect([response.status, response.json.error?.code]).toEqual([status, code]);
    expect(await counts()).toEqual(before);
  }

  it('refuses malformed JSON, a wrong content type and an oversized body', async () => {
    await expectRefused(
      () => api(base, 'POST', '/v1/hires', '{"name": ', { 'content-type': 'application/json' }),
      400,
      'request.malformed-json',
    );
    await expectRefused(
      () => api(base, 'POST', '/v1/hires', 'name=x', { 'content-type': 'text/plain' }),
      415,
      'request.unsupported-media-type',
    );
    await expectRefused(
      () =>
        api(base, 'POST', '/v1/reports', 'x'.repeat(MAX_REPORT_BYTES + 100_000), {
          'content-type': 'application/jose',
        }),
      413,
      'request.too-large',
    );
    await expectRefused(
      () =>
        api(base, 'POST', '/v1/hires', { name: 'x', email: 'x@example.com', idPhoto: 'A'.repeat(9_000_000) }),
      413,
      'request.too-large',
    );
  });

  it('names the missing or wrong field', async () => {
    const missing = await api(base, 'POST', '/v1/hires', { name: 'Ana' });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.message).toMatch(/email|idPhoto/);
    await expectRefused(
      () => api(base, 'POST', '/v1/hires', { name: 'Ana', email: 'not-an-email', idPhoto: 'AAAA' }),
      400,
      'request.invalid',
    );
    await expectRefused(
      () => api(base, 'POST', '/v1/hires', { name: 'Ana', email: 'a@example.com', idPhoto: 'AAAA' }),
      415,
      'id-photo.not-an-image',
    );
    await expectRefused(
      () => api(base, 'POST', '/v1/challenges', { deviceId: 'nope', extra: 1 }),
      401,
      'device.unsigned-request',
    );
  });

  it('refuses HR calls without a valid token', async () => {
    await expectRefused(
      () => api(base, 'GET', '/v1/hires', undefined, { authorization: '' }),
      401,
      'auth.required',
    );
    await expectRefused(
      () => api(base, 'GET', '/v1/hires', undefined, { authorization: 'Bearer hp_wrong' }),
      401,
      'auth.invalid-token',
    );
  });

  it('refuses a forged signature, a replayed nonce and an unknown device', async () => {
    const { jws } = await device.report();
    const [h, p, s] = jws.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    await expectRefused(() => device.post(flipped), 401, 'report.bad-signature');
    expect((await device.post(jws)).status).toBe(201);
    const reuse = await device.report();
    const replayedNonce = await device.report({ nonce: reuse.payload.nonce });
    expect((await device.post(reuse.jws)).status).toBe(201);
    await expectRefused(() => device.post(replayedNonce.jws), 422, 'nonce.reused');
    const stranger = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
    const path = '/v1/challenges';
    const signedBy = async (signer: DeviceSigner, body = '{}') =>
      deviceAuthorization(signer, { method: 'POST', path, body });
    await expectRefused(
      async () => api(base, 'POST', path, {}, { authorization: await signedBy(stranger) }),
      401,
      'device.unknown-key',
    );
    const once = await signedBy(device.signer);
    expect((await api(base, 'POST', path, {}, { authorization: once })).status).toBe(201);
    await expectRefused(
      () => api(base, 'POST', path, {}, { authorization: once }),
      401,
      'device.request-replayed',
    );
    await expectRefused(
      async () => api(base, 'POST', path, {}, { authorization: await signedBy(device.signer, '{"x":1}') }),
      401,
      'device.request-mismatch',
    );
    await expectRefused(
      async () =>
        api(base, 'GET', `/v1/devices/${device.deviceId}/schedule`, undefined, {
          authorization: await signedBy(device.signer),
        }),
      401,
      'device.request-mismatch',
    );
  });

  it('answers a retried report with its first answer and stores it once', async () => {
    const { jws, payload } = await device.report();
    const first = await device.post(jws);
    expect(first.status).toBe(201);
    const before = await counts();
    const again = await device.post(jws);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await counts()).toEqual(before);
    expect(first.json.reportId).toBe(payload.reportId);
  });

  it('refuses another body under a stored report id, writing nothing', async () => {
    const first = await device.report();
    expect((await device.post(first.jws)).status).toBe(201);
    const impostor = await device.report({ reportId: first.payload.reportId, appVersion: '9.9.9' });
    await expectRefused(() => device.post(impostor.jws), 409, 'report.id-conflict');
  });

  it('refuses a used or unknown enrolment code', async () => {
    const used = await api(base, 'POST', '/v1/enrolments', {
      code: 'ABCD-EFGH-JKMN-PQRS',
      publicKey: device.signer.publicJwk,
      identity: { bad: 1 },
    });
    expect(used.status).toBe(400);
    await expectRefused(
      () =>
        api(base, 'POST', '/v1/enrolments', {
          code: 'ABCD-EFGH-JKMN-PQRS',
          publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
          identity: {
            schema: 'hireproof.identity/v1',
            platform: 'linux',
            claims: {},
            fingerprint: 'a'.repeat(64),
          },
        }),
      400,
      'request.invalid',
    );
  });

  it('treats SQL metacharacters in every string as plain text', async () => {
    const evil = "x'; DROP TABLE hires; --";
    await expectRefused(
      () => api(base, 'GET', `/v1/hires/${encodeURIComponent(evil)}`),
      400,
      'request.invalid',
    );
    await expectRefused(
      () => api(base, 'POST', '/v1/challenges', { deviceId: evil }),
      401,
      'device.unsigned-request',
    );
    await expectRefused(
      () =>
        api(base, 'POST', '/v1/enrolments', { code: evil, publicKey: device.signer.publicJwk, identity: {} }),
      400,
      'request.invalid',
    );
    const hire = await api(base, 'POST', '/v1/hires', {
      name: evil,
      email: 'evil@example.com',
      idPhoto: 'iVBORw0KGgo=',
    });
    expect(hire.status).toBe(422);
    expect((await api(base, 'GET', '/v1/hires')).status).toBe(200);
  });
});
