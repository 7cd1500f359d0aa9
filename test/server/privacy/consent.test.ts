import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPayload } from '../../../main/contract/report';
import { ServerPolicy } from '../../../server/server-policy';
import { auditEntries } from '../../support/audit-log';
import { enrolDevice } from '../../support/device-under-test';
import { faceFrame } from '../../support/face-frame';
import { api, startTestServer, storages } from '../../support/hr-service';

type Device = Awaited<ReturnType<typeof enrolDevice>>;

/**
 * Biometric consent as the server holds it: the consent screen's retention comes from the server's
 * policy; a report whose consent says no keeps no biometric evidence; a withdrawal (by the hire from
 * the app, or by HR) deletes the hire's biometric data and puts the hire on the human path.
 */
describe.each(storages)('biometric consent on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let frame: string;

  beforeAll(async () => {
    server = await startTestServer(storage, {
      runJobs: false,
      policy: ServerPolicy.parse({ retentionDays: 12, unverifiedRetentionDays: 45 }),
    });
    frame = Buffer.from(await faceFrame('test/fixtures/faces/obama/3.jpg')).toString('base64');
  }, 60_000);
  afterAll(async () => server?.close());

  const consent = (biometric: boolean) => ({
    version: 'test',
    acceptedAt: new Date().toISOString(),
    biometric,
  });
  const faceEvidence = (): Partial<ReportPayload> => ({
    face: {
      camera: { label: 'Integrated Camera', id: 'integrated' },
      backend: 'wasm',
      frames: [frame],
      match: null,
      humanCheckRequested: false,
    },
    liveness: {
      passed: true,
      challenges: [{ kind: 'blink', passed: true, ms: 900 }],
      trace: [{ t: 1, yaw: 2 }],
    },
    input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
  });
  const send = async (device: Device, overrides: Partial<ReportPayload>) =>
    device.post((await device.report(overrides)).jws);
  const stored = (reportId: string) =>
    server.context.db
      .selectFrom('reports')
      .select(['frames', 'payload'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
  const hireRow = (hireId: string) =>
    server.context.db
      .selectFrom('hires')
      .select(['id_photo', 'face_template'])
      .where('id', '=', hireId)
      .executeTakeFirstOrThrow();

  it("states the server's own retention periods to anyone, before any enrolment", async () => {
    const terms = await api(server.url, 'GET', '/v1/privacy', undefined, { authorization: '' });
    expect(terms.status).toBe(200);
    expect(terms.json).toEqual({ retentionDays: 12, unverifiedRetentionDays: 45 });
  });

  it('refuses biometric evidence from a report whose consent says no, and keeps none of it', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const { payload, jws } = await device.report({ ...faceEvidence(), consent: consent(false) });
    const answer = await device.post(jws);
    expect([answer.status, answer.json.error?.code]).toEqual([422, 'report.terms-mismatch']);
    expect(answer.json.error?.message).toMatch(/biometric evidence without biometric consent/);
    const row = await stored(payload.reportId);
    expect(row.frames).toBeNull();
    expect(row.payload).not.toContain(frame.slice(0, 64));
    expect(JSON.parse(row.payload)).toMatchObject({ face: null, liveness: null });
  });

  it('takes a report without a face when the hire declined, and asks HR for a person’s check', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const { face: _face, liveness: _liveness, ...rest } = faceEvidence();
    const answer = await send(device, { ...rest, consent: consent(false) });
    expect(answer.status).toBe(201);
    expect(answer.json.verdict).toBe('review');
    expect(answer.json.reasons).toContainEqual({
      check: 'face.match',
      message: 'the hire declined the camera check: HR checks the hire in a video call with a person',
    });
  });

  it('a withdrawal from the app deletes the ID photo, the face template and every frame, and the hire is checked by a person from then on', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const first = await send(device, { ...faceEvidence(), consent: consent(true) });
    expect(first.status).toBe(201);
    expect((await stored(String(first.json.reportId))).frames).not.toBeNull();
    const kept = await hireRow(device.hireId);
    expect([kept.id_photo, kept.face_template].map((v) => v !== null)).toEqual([true, true]);
    // A challenge taken before the withdrawal still asks for a face.
    const before = await device.report({ ...faceEvidence(), consent: consent(true) });
    expect((await device.challenge()).evidence.face).toBe(true);

    const path = `/v1/devices/${device.deviceId}/biometric-consent/withdrawal`;
    const withdrawn = await device.signed('POST', path, {});
    expect(withdrawn.status).toBe(200);
    const withdrawnAt = String(withdrawn.json.withdrawnAt);
    expect(await hireRow(device.hireId)).toEqual({ id_photo: null, face_template: null });
    expect((await stored(String(first.json.reportId))).frames).toBeNull();
    expect((await api(server.url, 'GET', `/v1/hires/${device.hireId}/photo`)).status).toBe(410);
    expect(await auditEntries(server.context, 'hire.biometric-consent.withdrawn')).toContainEqual({
      actor: `device:${device.deviceId}`,
      action: 'hire.biometric-consent.withdrawn',
      target: device.hireId,
      detail: {},
    });
    const hire = await api(server.url, 'GET', `/v1/hires/${device.hireId}`);
    expect(hire.json.biometricConsentWithdrawnAt).toBe(withdrawnAt);
    const schedule = await device.signed('GET', `/v1/devices/${device.deviceId}/schedule`);
    expect(schedule.json.biometricConsentWithdrawn).toBe(true);

    // The old challenge's report with a face is refused and keeps nothing; new challenges ask for none.
    const late = await device.post(before.jws);
    expect([late.status, late.json.error?.message]).toEqual([
      422,
      expect.stringMatching(/after the hire’s biometric consent was withdrawn/),
    ]);
    expect((await stored(before.payload.reportId)).frames).toBeNull();
    expect((await device.challenge()).evidence).toEqual({ face: false, liveness: false, input: true });
    const { face: _face, liveness: _liveness, ...rest } = faceEvidence();
    const human = await send(device, { ...rest, consent: consent(false) });
    expect(human.json.reasons).toContainEqual({
      check: 'face.match',
      message: 'biometric consent was withdrawn: HR checks the hire in a video call with a person',
    });

    // Said again, it changes nothing and names the first withdrawal; another device's path is refused.
    expect((await device.signed('POST', path, {})).json).toEqual({ withdrawnAt });
    const other = await enrolDevice(server.url, { client: 'app' });
    expect((await other.signed('POST', path, {})).status).toBe(403);
  });

  it('HR withdraws a hire’s consent the same way, audited under HR’s name', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const path = `/v1/hires/${device.hireId}/biometric-consent/withdrawal`;
    expect((await api(server.url, 'POST', path, undefined, { authorization: '' })).status).toBe(401);
    const answer = await api(server.url, 'POST', path);
    expect(answer.status).toBe(200);
    expect(await hireRow(device.hireId)).toEqual({ id_photo: null, face_template: null });
    expect(await auditEntries(server.context, 'hire.biometric-consent.withdrawn')).toContainEqual({
      actor: 'token:bootstrap',
      action: 'hire.biometric-consent.withdrawn',
      target: device.hireId,
      detail: {},
    });
    const unknown = await api(
      server.url,
      'POST',
      `/v1/hires/${crypto.randomUUID()}/biometric-consent/withdrawal`,
    );
    expect([unknown.status, unknown.json.error?.code]).toEqual([404, 'hire.unknown']);
  });
});
