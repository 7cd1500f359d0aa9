import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start-server';
import { ADMIN_TOKEN, api, storages, TEST_PHOTO_KEY, type Storage } from '../../support/hr-service';
import { olderDatabase } from '../../support/older-database';

/**
 * A database written by the first version (before the server judged), migrated by a server of
 * this one: the headless command's old reports become device checks, and a hire whose only pass
 * was such a report is no longer verified, with an audit entry saying why.
 */
describe.each(storages)('migration 003 on an existing %s database', (storage: Storage) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const earlier = '2026-10-01T09:00:00.000Z';
  const later = '2099-01-01T00:00:00.000Z';
  const v1Payload = (kind: string) =>
    JSON.stringify({
      schema: 'hireproof.report/v1',
      kind,
      checks: { verdict: 'pass', checks: [{ id: 'display.ipkvm', status: 'pass', message: 'no IP-KVM' }] },
    });

  async function firstVersionDatabase() {
    const { db, dataDir, databaseUrl } = await olderDatabase(storage, '002-reports-by-body', cleanups);

    const hire = async (id: string, verifiedAt: string | null) =>
      sql`INSERT INTO hires (id, name, email, face_status, created_at, verified_at)
          VALUES (${id}, ${id}, ${`${id}@example.com`}, 'ready', ${earlier}, ${verifiedAt})`.execute(db);
    const device = async (id: string, hireId: string) =>
      sql`INSERT INTO devices (id, hire_id, public_jwk, key_thumbprint, identity, fingerprint, enrolled_at, next_due_at)
          VALUES (${id}, ${hireId}, '{}', ${`thumb-${id}`}, '{}', ${`fp-${id}`}, ${earlier}, ${later})`.execute(
        db,
      );
    const report = async (id: string, deviceId: string, hireId: string, kind: string, verdict: string) =>
      sql`INSERT INTO reports (id, device_id, hire_id, jws_hash, kind, issued_at, received_at, payload, verdict, reasons, face_status)
          VALUES (${id}, ${deviceId}, ${hireId}, ${`hash-${id}`}, ${kind}, ${earlier}, ${earlier},
                  ${v1Payload(kind)}, ${verdict}, '[]', 'none')`.execute(db);

    const ids = {
      // Verified by nothing but the headless command's device-only pass.
      cliOnly: crypto.randomUUID(),
      // Verified by a passed onboarding (face and liveness): stays verified.
      onboarded: crypto.randomUUID(),
      cliDevice: crypto.randomUUID(),
      appDevice: crypto.randomUUID(),
    };
    await hire(ids.cliOnly, earlier);
    await hire(ids.onboarded, earlier);
    await device(ids.cliDevice, ids.cliOnly);
    await device(ids.appDevice, ids.onboarded);
    await report(crypto.randomUUID(), ids.cliDevice, ids.cliOnly, 'cli', 'pass');
    await report(crypto.randomUUID(), ids.appDevice, ids.onboarded, 'onboarding', 'pass');
    await db.destroy();
    return { dataDir, databaseUrl: databaseUrl, ids };
  }

  it('turns cli reports into device checks and un-verifies hires that only they verified, audited', async () => {
    const { dataDir, databaseUrl, ids } = await firstVersionDatabase();
    const server = await startServer({
      port: 0,
      dataDir,
      databaseUrl,
      ...(databaseUrl ? { photoKey: TEST_PHOTO_KEY } : {}),
      adminToken: ADMIN_TOKEN,
      runJobs: false,
    });
    cleanups.push(() => server.close());

    const cliOnly = (await api(server.url, 'GET', `/v1/hires/${ids.cliOnly}`)).json;
    expect(cliOnly.verifiedAt).toBeNull();
    expect(cliOnly.status).toBe('enrolled');
    // The stored v1 report still shows, with the app's own results (the server never judged it).
    expect(cliOnly.reports).toMatchObject([{ kind: 'device-check', verdict: 'pass' }]);
    const [v1] = cliOnly.reports as { id: string }[];
    const opened = await api(server.url, 'GET', `/v1/reports/${v1?.id}`);
    expect(opened.json).toMatchObject({
      judgedBy: 'device',
      checks: [{ id: 'display.ipkvm', status: 'pass', summary: 'no IP-KVM' }],
    });
    const trail = (await api(server.url, 'GET', `/v1/hires/${ids.cliOnly}/audit`)).json.entries as {
      actor: string;
      action: string;
      detail: { reason?: string };
    }[];
    expect(trail.find((e) => e.action === 'hire.verification-revoked')).toMatchObject({
      actor: 'system',
      detail: { reason: expect.stringMatching(/device-only report/) as unknown },
    });

    const onboarded = (await api(server.url, 'GET', `/v1/hires/${ids.onboarded}`)).json;
    expect(onboarded.verifiedAt).toBe(earlier);
    expect(onboarded.status).toBe('verified');
    const onboardedTrail = (await api(server.url, 'GET', `/v1/hires/${ids.onboarded}/audit`)).json
      .entries as {
      action: string;
    }[];
    expect(onboardedTrail.some((e) => e.action === 'hire.verification-revoked')).toBe(false);

    const clients = await server.context.db
      .selectFrom('devices')
      .select(['id', 'client'])
      .orderBy('id')
      .execute();
    expect(Object.fromEntries(clients.map((d) => [d.id, d.client]))).toEqual({
      [ids.cliDevice]: 'cli',
      [ids.appDevice]: 'app',
    });
  });
});
