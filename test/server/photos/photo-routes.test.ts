import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../support/audit-log';
import { faceFrame } from '../../support/face-frame';
import { attestWithCli, attestWithFace, enrolAsApp, enrolWithCli } from '../../support/hr-device';
import { ADMIN_TOKEN, api, startTestServer, storages } from '../../support/hr-service';

const DAY = 86_400_000;
const ID_PHOTO = 'test/fixtures/faces/obama/1.jpg';

/** HR sees the decrypted ID photo and a report's frames, audited and uncached, until retention deletes them. */
describe.each(storages)('ID photo and face frames on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;
  let shift = 0;
  let hireId: string;
  let idPhoto: Buffer;
  let frame: Uint8Array;
  let frameReport: string;
  let cliReport: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false, now: () => new Date(Date.now() + shift) });
    base = server.url;
    idPhoto = await readFile(ID_PHOTO);
    const hire = await api(base, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: idPhoto.toString('base64'),
    });
    hireId = String(hire.json.id);
    // The app enrols with the hire's code; the headless command with a device-check code HR issues.
    const app = await enrolAsApp(base, String(hire.json.code), 'laptop');
    const mdm = await api(base, 'POST', `/v1/hires/${hireId}/device-check-codes`);
    const cli = await enrolWithCli(base, String(mdm.json.code), 'laptop');
    cliReport = (await attestWithCli(cli, 'laptop')).reportId;
    frame = await faceFrame('test/fixtures/faces/obama/3.jpg');
    frameReport = (await attestWithFace(app, 'laptop', [frame])).reportId;
    await server.jobs.drain();
    // Bare frames carry no movements for the server to judge liveness on: HR settles the review.
    const settled = await api(base, 'POST', `/v1/reports/${frameReport}/review`, {
      decision: 'pass',
      note: 'seen on a video call',
    });
    if (settled.status !== 200) throw new Error(`review not settled: ${settled.text}`);
  }, 90_000);
  afterAll(async () => server?.close());

  it('answers the ID photo as the uploaded image, never cached, and audits the look', async () => {
    const response = await fetch(`${base}/v1/hires/${hireId}/photo`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(idPhoto)).toBe(true);
    expect(await auditEntries(server.context, 'hire.photo.view')).toEqual([
      { actor: 'token:bootstrap', action: 'hire.photo.view', target: hireId, detail: {} },
    ]);
  });

  it("answers a report's face frames as the device sent them, and audits how many were shown", async () => {
    const answer = await api(base, 'GET', `/v1/reports/${frameReport}/frames`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.json).toEqual({
      reportId: frameReport,
      frames: [{ mediaType: 'image/jpeg', data: Buffer.from(frame).toString('base64') }],
    });
    expect(await auditEntries(server.context, 'report.frames.view')).toContainEqual({
      actor: 'token:bootstrap',
      action: 'report.frames.view',
      target: frameReport,
      detail: { frames: 1 },
    });
  });

  it('answers no frames for a report that carried none, and says which reports have some', async () => {
    const answer = await api(base, 'GET', `/v1/reports/${cliReport}/frames`);
    expect(answer.json).toEqual({ reportId: cliReport, frames: [] });
    const hire = await api(base, 'GET', `/v1/hires/${hireId}`);
    const reports = hire.json.reports as { id: string; hasFaceFrames: boolean }[];
    expect(reports.map((r) => [r.id, r.hasFaceFrames]).sort()).toEqual(
      [
        [cliReport, false],
        [frameReport, true],
      ].sort(),
    );
  });

  it('refuses without HR access and names unknown hires and reports', async () => {
    for (const path of [`/v1/hires/${hireId}/photo`, `/v1/reports/${frameReport}/frames`]) {
      const anonymous = await api(base, 'GET', path, undefined, { authorization: '' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.json.error?.code).toBe('auth.required');
      const forged = await api(base, 'GET', path, undefined, { authorization: 'Bearer hp_not-a-token' });
      expect(forged.status).toBe(401);
    }
    const unknownHire = await api(base, 'GET', `/v1/hires/${crypto.randomUUID()}/photo`);
    expect([unknownHire.status, unknownHire.json.error?.code]).toEqual([404, 'hire.unknown']);
    const unknownReport = await api(base, 'GET', `/v1/reports/${crypto.randomUUID()}/frames`);
    expect([unknownReport.status, unknownReport.json.error?.code]).toEqual([404, 'report.unknown']);
    const notAnId = await api(base, 'GET', `/v1/hires/1'%20OR%201=1/photo`);
    expect(notAnId.status).toBe(400);
    const views = await auditEntries(server.context, 'hire.photo.view');
    expect(views).toHaveLength(1);
  });

  it('says when retention deleted them, with the date, and shows nothing after', async () => {
    shift = 31 * DAY;
    await server.jobs.drain();
    const hire = await api(base, 'GET', `/v1/hires/${hireId}`);
    const deletedAt = String(hire.json.photosDeletedAt);
    expect(Date.parse(deletedAt)).toBeGreaterThan(Date.now() + 30 * DAY);
    const photo = await api(base, 'GET', `/v1/hires/${hireId}/photo`);
    expect(photo.status).toBe(410);
    expect(photo.json.error).toEqual({
      code: 'id-photo.deleted',
      message: `the ID photo was deleted on ${deletedAt} under the retention policy`,
    });
    const frames = await api(base, 'GET', `/v1/reports/${frameReport}/frames`);
    expect(frames.status).toBe(410);
    expect(frames.json.error?.code).toBe('face-frames.deleted');
  });
});
