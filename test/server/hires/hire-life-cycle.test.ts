import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HireExportRow } from '../../../main/contract/hr-api';
import { auditEntries } from '../../support/audit-log';
import { enrolDevice } from '../../support/device-under-test';
import { enrolWithCode } from '../../support/enrol-with-code';
import { ADMIN_TOKEN, api, startTestServer, storages } from '../../support/hr-service';

const PHOTO = 'test/fixtures/faces/obama/1.jpg';

/** HR's hands on a hire after creating it: new codes, a replaced laptop, offboarding, the HR system's id. */
describe.each(storages)('a hire’s life cycle on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let idPhoto = '';
  beforeAll(async () => {
    idPhoto = (await readFile(PHOTO)).toString('base64');
    server = await startTestServer(storage, { runJobs: false });
  }, 60_000);
  afterAll(async () => server?.close());

  const exported = async (format: 'csv' | 'json') => {
    const response = await fetch(`${server.url}/v1/export.${format}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    return response.text();
  };

  it('issues a new code that voids the unused one, and says so in the audit trail', async () => {
    const created = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ada',
      email: 'ada@example.com',
      idPhoto,
    });
    const renewed = await api(server.url, 'POST', `/v1/hires/${String(created.json.id)}/enrolment-codes`, {
      email: false,
    });
    expect(renewed.status).toBe(201);
    expect(renewed.json.invitation).toBeNull();
    const stale = await enrolWithCode(server.url, String(created.json.code));
    expect([stale.answer.status, stale.answer.json.error?.code]).toEqual([410, 'code.voided']);
    expect((await enrolWithCode(server.url, String(renewed.json.code))).answer.status).toBe(201);
    expect(await auditEntries(server.context, 'hire.enrolment-code')).toContainEqual(
      expect.objectContaining({ target: created.json.id, detail: { emailed: false } }),
    );
  });

  it('replaces a device: the old key’s signed requests and reports are refused, the new laptop enrols', async () => {
    const old = await enrolDevice(server.url, { client: 'app' });
    const heldBack = await old.report();
    expect((await old.signed('POST', '/v1/challenges', {})).status).toBe(201);

    const replaced = await api(server.url, 'POST', `/v1/hires/${old.hireId}/device-replacement`, {
      email: false,
    });
    expect(replaced.status).toBe(201);
    expect(replaced.json.revokedDevices).toEqual([old.deviceId]);

    const challenge = await old.signed('POST', '/v1/challenges', {});
    expect([challenge.status, challenge.json.error?.code]).toEqual([401, 'device.revoked']);
    const report = await old.post(heldBack.jws);
    expect([report.status, report.json.error?.code]).toEqual([401, 'device.revoked']);

    const laptop = await enrolWithCode(server.url, String(replaced.json.code));
    expect(laptop.answer.status).toBe(201);
    expect((await laptop.signed('POST', '/v1/challenges', {})).status).toBe(201);
    const detail = await api(server.url, 'GET', `/v1/hires/${old.hireId}`);
    const devices = detail.json.devices as { id: string; revokedAt: string | null }[];
    expect(devices.map((d) => [d.id, d.revokedAt !== null])).toEqual([
      [old.deviceId, true],
      [laptop.deviceId, false],
    ]);
    // Enrolled, and due at once (a new device attests on enrolment): no longer waiting for a device.
    expect(['enrolled', 'overdue']).toContain(detail.json.status);
  });

  it('back to invited while the replacement is not enrolled: the old device’s due date no longer counts', async () => {
    const old = await enrolDevice(server.url, { client: 'app' });
    expect((await api(server.url, 'GET', `/v1/hires/${old.hireId}`)).json.nextDueAt).not.toBeNull();
    await api(server.url, 'POST', `/v1/hires/${old.hireId}/device-replacement`, { email: false });
    const detail = await api(server.url, 'GET', `/v1/hires/${old.hireId}`);
    expect([detail.json.status, detail.json.nextDueAt]).toEqual(['invited', null]);
  });

  it('offboarding revokes the devices and voids unused codes; an offboarded hire gets no new code', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const spare = await api(server.url, 'POST', `/v1/hires/${device.hireId}/enrolment-codes`, {
      email: false,
    });
    expect((await api(server.url, 'POST', `/v1/hires/${device.hireId}/offboarding`)).status).toBe(200);
    const challenge = await device.signed('POST', '/v1/challenges', {});
    expect([challenge.status, challenge.json.error?.code]).toEqual([410, 'hire.offboarded']);
    const row = await server.context.db
      .selectFrom('devices')
      .select('revoked_at')
      .where('id', '=', device.deviceId)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    const late = await enrolWithCode(server.url, String(spare.json.code));
    expect([late.answer.status, late.answer.json.error?.code]).toEqual([410, 'code.voided']);
    for (const path of ['enrolment-codes', 'device-replacement'])
      expect(
        (await api(server.url, 'POST', `/v1/hires/${device.hireId}/${path}`, { email: false })).status,
      ).toBe(410);
  });

  it('carries the HR system’s employee id, unique, into the hire page and both exports', async () => {
    const created = await api(server.url, 'POST', '/v1/hires', {
      name: 'Grace Hopper',
      email: 'grace@example.com',
      idPhoto,
      externalId: 'WD-004217',
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await api(server.url, 'GET', `/v1/hires/${id}`)).json.externalId).toBe('WD-004217');
    const twice = await api(server.url, 'POST', '/v1/hires', {
      name: 'Someone Else',
      email: 'else@example.com',
      idPhoto,
      externalId: 'WD-004217',
    });
    expect([twice.status, twice.json.error?.code]).toEqual([409, 'hire.external-id-taken']);

    const csv = (await exported('csv')).trimEnd().split('\r\n');
    const header = csv[0]!.split(',');
    const line = csv.find((l) => l.startsWith(id))!.split(',');
    expect(line[header.indexOf('external_id')]).toBe('WD-004217');
    expect(line[header.indexOf('email')]).toBe('grace@example.com');

    const rows = HireExportRow.array().parse(JSON.parse(await exported('json')));
    expect(rows).toHaveLength(csv.length - 1);
    expect(rows.find((r) => r.id === id)).toMatchObject({
      externalId: 'WD-004217',
      email: 'grace@example.com',
      status: 'invited',
    });
    expect(rows.filter((r) => r.externalId === null).length).toBeGreaterThan(0);
  });
});
