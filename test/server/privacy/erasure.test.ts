import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HireDetail, StatusCounts, VerdictStats } from '../../../main/contract/hr-api';
import type { ReportPayload } from '../../../main/contract/report';
import { carve } from '../../support/carve';
import { enrolDevice } from '../../support/device-under-test';
import { faceFrame } from '../../support/face-frame';
import { api, startTestServer, storages } from '../../support/hr-service';

/**
 * HR erases a hire: no row of the hire is left in any table, the audit trail keeps the who and
 * when with no personal data, and (on SQLite) the bytes are gone from the files too.
 */
describe.each(storages)('erasing a hire on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
  }, 60_000);
  afterAll(async () => server?.close());

  const tables = [
    'hires',
    'roster',
    'enrolment_codes',
    'devices',
    'nonces',
    'reports',
    'jobs',
    'webhook_deliveries',
  ] as const;
  /** Every row of every table, as text, for searching. */
  const everything = async () => {
    const dump: Record<string, string> = {};
    for (const table of [...tables, 'audit_log'] as const)
      dump[table] = JSON.stringify(await server.context.db.selectFrom(table).selectAll().execute());
    return dump;
  };

  it('deletes every row of the hire and keeps an audit trail without personal data', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const frame = Buffer.from(await faceFrame('test/fixtures/faces/obama/3.jpg')).toString('base64');
    const overrides: Partial<ReportPayload> = {
      consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: true },
      face: {
        camera: { label: 'Cam', id: 'cam' },
        backend: 'wasm',
        frames: [frame],
        match: null,
        humanCheckRequested: false,
      },
      liveness: { passed: false, challenges: [], trace: [{ t: 0, yaw: 1 }] },
      input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
    };
    const report = await device.post((await device.report(overrides)).jws);
    expect(report.status).toBe(201);
    const reportId = String(report.json.reportId);
    const hook = await api(server.url, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook' });
    expect(hook.status).toBe(201);
    // HR settles the report once the server's face verdict is in (review: no movements to judge).
    await server.jobs.drain();
    const note = `Spoke with the hire on a video call, reference ${crypto.randomUUID()}`;
    expect(
      (await api(server.url, 'POST', `/v1/reports/${reportId}/review`, { decision: 'pass', note })).status,
    ).toBe(200);
    const { id_photo: photo } = await server.context.db
      .selectFrom('hires')
      .select('id_photo')
      .where('id', '=', device.hireId)
      .executeTakeFirstOrThrow();
    const counts = async () => ({
      hires: StatusCounts.parse((await api(server.url, 'GET', '/v1/stats/hires')).json),
      reportsToday: VerdictStats.parse((await api(server.url, 'GET', '/v1/stats/verdicts?days=1')).json)
        .days.map((d) => d.pass + d.review + d.fail)
        .reduce((a, b) => a + b, 0),
    });
    const countedBefore = await counts();
    const { status } = HireDetail.parse((await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json);
    const before = await everything();
    expect(before.audit_log).toContain(note);
    expect(before.jobs).toContain(reportId);

    const path = `/v1/hires/${device.hireId}`;
    expect((await api(server.url, 'DELETE', path, undefined, { authorization: '' })).status).toBe(401);
    const erased = await api(server.url, 'DELETE', path);
    expect(erased.status).toBe(200);
    expect(erased.json).toEqual({ hireId: device.hireId, erased: { devices: 1, reports: 1 } });
    expect((await api(server.url, 'GET', path)).status).toBe(404);
    expect((await api(server.url, 'DELETE', path)).status).toBe(404);

    // The counts HR reads come from running totals: the erased hire and its report leave them too.
    const countedAfter = await counts();
    expect(countedAfter.hires.total).toBe(countedBefore.hires.total - 1);
    expect(countedAfter.hires[status]).toBe(countedBefore.hires[status] - 1);
    expect(countedAfter.reportsToday).toBe(countedBefore.reportsToday - 1);
    const after = await everything();
    for (const table of tables)
      for (const id of [device.hireId, device.deviceId, reportId])
        expect({ table, id, found: after[table]!.includes(id) }).toEqual({ table, id, found: false });
    expect(after.audit_log).not.toContain(note);
    expect(after.audit_log).not.toContain('hire@example.com');
    const trail = await server.context.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'detail'])
      .where('target', '=', device.hireId)
      .orderBy('id')
      .execute();
    expect(trail.map((e) => e.action)).toEqual(['hire.create', 'hire.view', 'hire.erase']);
    expect(trail.at(-1)).toEqual({
      actor: 'token:bootstrap',
      action: 'hire.erase',
      detail: JSON.stringify({ devices: 1, reports: 1 }),
    });

    if (storage === 'sqlite')
      for (const name of ['hireproof.sqlite', 'hireproof.sqlite-wal', 'hireproof.sqlite-shm']) {
        const bytes = await readFile(join(server.dataDir, name)).catch(() => Buffer.alloc(0));
        expect({ name, note: bytes.includes(note), photo: carve(bytes, [photo!]) }).toEqual({
          name,
          note: false,
          photo: null,
        });
      }
  });
});
