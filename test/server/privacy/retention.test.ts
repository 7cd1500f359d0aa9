import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPayload } from '../../../main/contract/report';
import { ServerPolicy } from '../../../server/server-policy';
import { carve } from '../../support/carve';
import { enrolDevice } from '../../support/device-under-test';
import { faceFrame } from '../../support/face-frame';
import { startTestServer, storages } from '../../support/hr-service';

const DAY = 86_400_000;
type Server = Awaited<ReturnType<typeof startTestServer>>;
type Device = Awaited<ReturnType<typeof enrolDevice>>;

/** A landmark trace as the liveness run records it: a few hundred samples of head pose. */
const trace = () =>
  Array.from({ length: 300 }, (_, i) => ({
    t: i * 66,
    yaw: Math.sin(i / 7) * 20,
    pitch: Math.cos(i / 5) * 9,
  }));

async function faceReport(device: Device, frames: string[]): Promise<string> {
  const overrides: Partial<ReportPayload> = {
    consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: true },
    face: {
      camera: { label: 'Integrated Camera', id: 'integrated' },
      backend: 'wasm',
      frames,
      match: null,
      humanCheckRequested: false,
    },
    liveness: { passed: true, challenges: [{ kind: 'blink', passed: true, ms: 900 }], trace: trace() },
    input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
  };
  const { payload, jws } = await device.report(overrides);
  const answer = await device.post(jws);
  if (answer.status !== 201) throw new Error(`report refused: ${answer.text}`);
  return payload.reportId;
}

const sweep = async (server: Server) => {
  await server.context.jobs.enqueue('retention.sweep', {});
  await server.jobs.drain();
};
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const biometricsOf = (server: Server, reportId: string) =>
  server.context.db
    .selectFrom('reports')
    .select(['frames', 'liveness_trace', 'biometrics_deleted_at', 'payload'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
const backdate = (server: Server, reportId: string, days: number) =>
  server.context.db
    .updateTable('reports')
    .set({ received_at: ago(days) })
    .where('id', '=', reportId)
    .execute();

/**
 * Retention by class: the ID photo, and each report's frames and landmark trace, on the short
 * schedule whenever they came (a re-attestation's frames too, long after the first deletion); the
 * face template stays while the hire is employed.
 */
describe.each(storages)('retention of biometric data on %s', (storage) => {
  let server: Server;
  let frame: string;
  beforeAll(async () => {
    server = await startTestServer(storage, {
      runJobs: false,
      policy: ServerPolicy.parse({ retentionDays: 30, unverifiedRetentionDays: 90, spotCheckDailyChance: 0 }),
    });
    frame = Buffer.from(await faceFrame('test/fixtures/faces/obama/3.jpg')).toString('base64');
  }, 60_000);
  afterAll(async () => server?.close());

  it('keeps the landmark trace out of the stored payload, sealed apart', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const reportId = await faceReport(device, [frame]);
    const row = await biometricsOf(server, reportId);
    expect(JSON.parse(row.payload)).toMatchObject({ liveness: { passed: true, trace: [] } });
    const opened = JSON.parse(server.context.seal.open(row.liveness_trace!).toString('utf8')) as {
      trace: unknown[];
    };
    expect(opened.trace).toHaveLength(300);
  });

  it('deletes a re-attestation’s frames on their own clock, long after the first deletion', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const onboarding = await faceReport(device, [frame]);
    const { db } = server.context;
    await db
      .updateTable('hires')
      .set({ verified_at: ago(31) })
      .where('id', '=', device.hireId)
      .execute();
    await backdate(server, onboarding, 31);
    await sweep(server);
    const hire = () =>
      db
        .selectFrom('hires')
        .select(['id_photo', 'face_template'])
        .where('id', '=', device.hireId)
        .executeTakeFirstOrThrow();
    expect((await hire()).id_photo).toBeNull();
    const deleted = await biometricsOf(server, onboarding);
    expect([deleted.frames, deleted.liveness_trace]).toEqual([null, null]);
    expect(deleted.biometrics_deleted_at).not.toBeNull();

    // Due again: the re-attestation carries new frames, kept for their own 30 days, then deleted.
    await db
      .updateTable('devices')
      .set({ next_due_at: ago(1) })
      .where('id', '=', device.deviceId)
      .execute();
    expect((await device.challenge()).kind).toBe('reattestation');
    const reattestation = await faceReport(device, [frame]);
    await sweep(server);
    expect((await biometricsOf(server, reattestation)).frames).not.toBeNull();
    await backdate(server, reattestation, 29);
    await sweep(server);
    expect((await biometricsOf(server, reattestation)).frames).not.toBeNull();
    await backdate(server, reattestation, 31);
    await sweep(server);
    expect(await biometricsOf(server, reattestation)).toMatchObject({ frames: null, liveness_trace: null });
    // The template stays while the hire is employed: the next re-attestation is matched with it.
    expect((await hire()).face_template).not.toBeNull();
  });

  it('deletes an unverified hire’s frames on the longer schedule only', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    // Someone else's face: the server's match fails, and the hire stays unverified.
    const stranger = Buffer.from(await faceFrame('test/fixtures/faces/biden/1.jpg')).toString('base64');
    const reportId = await faceReport(device, [stranger]);
    await backdate(server, reportId, 89);
    await sweep(server);
    expect((await biometricsOf(server, reportId)).frames).not.toBeNull();
    await backdate(server, reportId, 91);
    await sweep(server);
    expect((await biometricsOf(server, reportId)).frames).toBeNull();
  });
});

/**
 * The auditor's test on the real SQLite file: the exact sealed bytes of an ID photo, two face
 * frames and a landmark trace, recorded before retention, are carved for afterwards (every
 * 32-byte run) in the database, its WAL and its shared-memory file. Before retention the same
 * carving finds them, so the search is one that would see them.
 */
describe('deleted biometric data in the SQLite files', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
  }, 60_000);
  afterAll(async () => server?.close());

  const files = () =>
    Promise.all(
      ['hireproof.sqlite', 'hireproof.sqlite-wal', 'hireproof.sqlite-shm'].map(async (name) => ({
        name,
        bytes: await readFile(join(server.dataDir, name)).catch(() => Buffer.alloc(0)),
      })),
    );

  it('leaves no 32-byte run of the sealed photo, frames or trace in the database, WAL or SHM', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const frames = await Promise.all(
      ['obama/3.jpg', 'biden/1.jpg'].map(async (f) =>
        Buffer.from(await faceFrame(`test/fixtures/faces/${f}`)).toString('base64'),
      ),
    );
    const reportId = await faceReport(device, frames);
    const { db } = server.context;
    const hire = await db
      .selectFrom('hires')
      .select('id_photo')
      .where('id', '=', device.hireId)
      .executeTakeFirstOrThrow();
    const report = await biometricsOf(server, reportId);
    const sealed = [hire.id_photo, report.frames, report.liveness_trace].map((b) => {
      expect(b?.length).toBeGreaterThan(1_000);
      return b!;
    });
    const before = await files();
    expect(before.some((f) => carve(f.bytes, sealed) !== null)).toBe(true);

    await db
      .updateTable('hires')
      .set({ verified_at: ago(31) })
      .where('id', '=', device.hireId)
      .execute();
    await backdate(server, reportId, 31);
    await sweep(server);
    expect((await biometricsOf(server, reportId)).frames).toBeNull();

    for (const file of await files())
      expect({ file: file.name, offset: carve(file.bytes, sealed) }).toEqual({
        file: file.name,
        offset: null,
      });
  }, 60_000);
});
