import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceReading } from '../../../main/contract/face-reading';
import { serverFaceModel } from '../../../main/contract/face-template';
import { auditEntries } from '../../support/audit-log';
import { carve } from '../../support/carve';
import { softwareSigner } from '../../../main/identity/software-signer';
import { enrolDevice, identityOf } from '../../support/device-under-test';
import { api, startTestServer, storages } from '../../support/hr-service';

/**
 * The face template (the ID photo's embedding) is biometric data like the photo: sealed at rest,
 * never handed to a device, and deleted when HR offboards the hire.
 */
describe.each(storages)('the face template on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
  }, 60_000);
  afterAll(async () => server?.close());

  const templateOf = async (hireId: string) =>
    (
      await server.context.db
        .selectFrom('hires')
        .select('face_template')
        .where('id', '=', hireId)
        .executeTakeFirstOrThrow()
    ).face_template;

  it('is sealed at rest, and no enrolment answer carries it', async () => {
    const hire = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: (await readFile('test/fixtures/faces/obama/1.jpg')).toString('base64'),
    });
    const sealed = await templateOf(String(hire.json.id));
    const reading = FaceReading.parse(JSON.parse(server.context.seal.open(sealed!).toString('utf8')));
    if (!reading.usable) throw new Error('the portrait has a usable face');
    expect(reading.template.model).toBe(serverFaceModel);
    expect(reading.template.vector).toHaveLength(512);
    const plain = reading.template.vector.slice(0, 4).map(String);
    expect(plain.some((n) => sealed!.toString('latin1').includes(n))).toBe(false);

    // What a device learns at enrolment: its id, the hire's name, the policy. No face.
    const signer = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
    const enrolled = await api(server.url, 'POST', '/v1/enrolments', {
      code: hire.json.code,
      publicKey: signer.publicJwk,
      client: 'app',
      identity: identityOf(),
      observedFrom: 'live',
    });
    expect(enrolled.status).toBe(201);
    expect(Object.keys(enrolled.json).sort()).toEqual(['deviceId', 'hire', 'policy']);
    expect(plain.some((n) => enrolled.text.includes(n))).toBe(false);
  });

  it('is deleted with every other biometric at offboarding, audited; the devices take no more challenges', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const sealed = [await templateOf(device.hireId)].map((b) => b!);
    const path = `/v1/hires/${device.hireId}/offboarding`;
    expect((await api(server.url, 'POST', path, undefined, { authorization: '' })).status).toBe(401);
    const answer = await api(server.url, 'POST', path);
    expect(answer.status).toBe(200);
    expect(await templateOf(device.hireId)).toBeNull();
    const hire = await api(server.url, 'GET', `/v1/hires/${device.hireId}`);
    expect(hire.json).toMatchObject({ status: 'offboarded', offboardedAt: answer.json.offboardedAt });
    // HR's list and counts see it too (the roster's standing moved in the offboarding's transaction).
    const listed = await api(server.url, 'GET', '/v1/hires?status=offboarded&limit=100');
    expect((listed.json.hires as { id: string }[]).map((h) => h.id)).toContain(device.hireId);
    expect((await api(server.url, 'GET', '/v1/stats/hires')).json.offboarded).toBeGreaterThanOrEqual(1);
    expect((await api(server.url, 'GET', `/v1/hires/${device.hireId}/photo`)).status).toBe(410);
    expect(await auditEntries(server.context, 'hire.offboard')).toContainEqual({
      actor: 'token:bootstrap',
      action: 'hire.offboard',
      target: device.hireId,
      detail: {},
    });
    const challenge = await device.signed('POST', '/v1/challenges', {});
    expect([challenge.status, challenge.json.error?.code]).toEqual([410, 'hire.offboarded']);
    // Again: nothing changes, the first date stands.
    expect((await api(server.url, 'POST', path)).json.offboardedAt).toBe(answer.json.offboardedAt);

    if (storage === 'sqlite')
      for (const name of ['hireproof.sqlite', 'hireproof.sqlite-wal', 'hireproof.sqlite-shm']) {
        const bytes = await readFile(join(server.dataDir, name)).catch(() => Buffer.alloc(0));
        expect({ name, offset: carve(bytes, sealed) }).toEqual({ name, offset: null });
      }
  });
});
