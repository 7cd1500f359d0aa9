import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFaceModel } from '../../../main/contract/face-template';
import { columns } from '../../../server/db/codecs';
import { auditEntries } from '../../support/audit-log';
import { enrolDevice } from '../../support/device-under-test';
import { api, startTestServer } from '../../support/hr-service';
import { ASTRONAUT, astronautHead, cameraEvidence } from '../../support/live-face';
import type { TurningHead } from '../../support/turning-head';
import { sharedFaces, twoFacesSideBySide } from '../../face/face-fixtures';

/**
 * Hires enrolled before the server's recognizer changed hold a face-api descriptor, in the shape
 * stored before templates named their model. Their next face job renews the template from the
 * retained ID photo, or says a new ID photo is needed.
 */
describe('a face template from an older model', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let head: TurningHead;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
    head = await astronautHead(server.context.faces);
  }, 60_000);
  afterAll(async () => server?.close());

  /** The hire's template as the first version stored it: face-api's reading, no model named. */
  const storeOldTemplate = async (
    hireId: string,
    extra: { id_photo?: null; photos_deleted_at?: string } = {},
  ) => {
    const old = {
      usable: true,
      descriptor: Array.from({ length: 128 }, (_, i) => Math.sin(i) / 10),
      box: { x: 1, y: 2, width: 150, height: 180 },
      score: 0.99,
      yaw: 0.02,
    };
    await server.context.db
      .updateTable('hires')
      .set({ face_template: server.context.seal.seal(Buffer.from(JSON.stringify(old))), ...extra })
      .where('id', '=', hireId)
      .execute();
  };
  const hireRow = (hireId: string) =>
    server.context.db
      .selectFrom('hires')
      .select(['face_template', 'face_status'])
      .where('id', '=', hireId)
      .executeTakeFirstOrThrow();
  /** The onboarding as an honest app sends it: the astronaut's head answering the server's movements. */
  const onboardingOf = (device: Awaited<ReturnType<typeof enrolDevice>>) =>
    device.report(cameraEvidence(head));
  const faceReasonOf = async (hireId: string) => {
    const view = await api(server.url, 'GET', `/v1/hires/${hireId}`);
    const [report] = view.json.reports as {
      verdict: string;
      reasons: { check: string; message: string }[];
    }[];
    return { verdict: report!.verdict, reason: report!.reasons.find((r) => r.check === 'face.match')! };
  };

  it("is renewed from the retained ID photo at its next use, audited, and the hire matches with today's model", async () => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    await storeOldTemplate(device.hireId);
    expect(
      columns.hireFaceTemplate.decode(
        server.context.seal.open((await hireRow(device.hireId)).face_template!).toString('utf8'),
      ),
    ).toEqual({ kind: 'outdated', model: 'face-api-descriptor@1.7.15' });

    await device.post((await onboardingOf(device)).jws);
    await server.jobs.drain();

    const { verdict, reason } = await faceReasonOf(device.hireId);
    expect(reason.message).toMatch(/^server re-check: match \(distance 0\.\d+, threshold 0\.575\)$/);
    expect(verdict).toBe('pass');
    const row = await hireRow(device.hireId);
    const renewed = columns.hireFaceTemplate.decode(
      server.context.seal.open(row.face_template!).toString('utf8'),
    );
    expect(renewed).toMatchObject({ kind: 'current', reading: { template: { model: serverFaceModel } } });
    expect(row.face_status).toBe('ready');
    expect(await auditEntries(server.context, 'hire.face-template.renew')).toContainEqual({
      actor: 'system',
      action: 'hire.face-template.renew',
      target: device.hireId,
      detail: { from: 'face-api-descriptor@1.7.15', to: serverFaceModel },
    });
  }, 120_000);

  it('without a retained ID photo sends the report to review, saying a new ID photo is needed, until HR sends one', async () => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    await storeOldTemplate(device.hireId, { id_photo: null, photos_deleted_at: new Date().toISOString() });

    await device.post((await onboardingOf(device)).jws);
    await server.jobs.drain();

    const { verdict, reason } = await faceReasonOf(device.hireId);
    expect(verdict).toBe('review');
    expect(reason.message).toBe(
      "server re-check: no-face: the hire's face template was made by face-api-descriptor@1.7.15, which the server no longer matches with, and the ID photo is no longer retained: a new ID photo is needed",
    );
    expect((await hireRow(device.hireId)).face_status).toBe('needs-photo');
    expect((await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json.newIdPhotoNeeded).toBe(true);

    // HR sends a new ID photo: refused without a usable face, taken with one; the next report passes.
    const path = `/v1/hires/${device.hireId}/id-photo`;
    const photoOf = async (file: string) => ({ idPhoto: (await readFile(file)).toString('base64') });
    const twoPeople = await twoFacesSideBySide(
      await readFile('test/fixtures/faces/obama/1.jpg'),
      await readFile('test/fixtures/faces/biden/1.jpg'),
    );
    const refused = await api(server.url, 'POST', path, {
      idPhoto: Buffer.from(twoPeople).toString('base64'),
    });
    expect([refused.status, refused.json.error?.code]).toEqual([422, 'id-photo.several-faces']);
    const profile = await api(server.url, 'POST', path, await photoOf(`${sharedFaces}meds_S001/9.jpg`));
    expect([profile.status, profile.json.error?.code]).toEqual([422, 'id-photo.turned-head']);
    const unsigned = await api(server.url, 'POST', path, await photoOf('test/fixtures/faces/obama/1.jpg'), {
      authorization: '',
    });
    expect(unsigned.status).toBe(401);
    const replaced = await api(server.url, 'POST', path, await photoOf(ASTRONAUT));
    expect(replaced.status).toBe(200);
    expect((await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json.newIdPhotoNeeded).toBe(false);
    expect(await auditEntries(server.context, 'hire.id-photo.replace')).toContainEqual({
      actor: 'token:bootstrap',
      action: 'hire.id-photo.replace',
      target: device.hireId,
      detail: { model: serverFaceModel },
    });
    await device.post((await onboardingOf(device)).jws);
    await server.jobs.drain();
    expect((await faceReasonOf(device.hireId)).verdict).toBe('pass');
    // Two onboardings' face jobs and four ID photos read in one face worker: ~28 s on a quiet machine.
  }, 120_000);
});
