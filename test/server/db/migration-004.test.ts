import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../../server/db/migrations';
import { photoSeal } from '../../../server/photos/photo-seal';
import { storages, type Storage } from '../../support/hr-service';
import { olderDatabase } from '../../support/older-database';

/**
 * A database written before biometric privacy, migrated: the plain-JSON face template and webhook
 * secrets are sealed and their columns dropped; a report's landmark trace leaves the payload for a sealed column, or goes
 * where the report's frames were already deleted. Without the photo key nothing is changed.
 */
describe.each(storages)('migration 004 on an existing %s database', (storage: Storage) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const at = '2026-10-01T09:00:00.000Z';
  const template = JSON.stringify({
    usable: true,
    descriptor: Array.from({ length: 128 }, (_, i) => i / 1000),
  });
  const trace = [
    { t: 0, yaw: 1.5 },
    { t: 66, yaw: 4.25 },
  ];
  const payload = JSON.stringify({ schema: 'hireproof.report/v2', liveness: { passed: true, trace } });

  async function beforePrivacy() {
    const { db } = await olderDatabase(storage, '003-server-judges', cleanups);
    cleanups.push(() => db.destroy());
    const hire = async (id: string, photosDeletedAt: string | null) =>
      sql`INSERT INTO hires (id, name, email, face_descriptor, face_status, created_at, photos_deleted_at)
          VALUES (${id}, 'Ana', 'ana@example.com', ${template}, 'ready', ${at}, ${photosDeletedAt})`.execute(
        db,
      );
    const report = async (id: string, hireId: string, frames: Buffer | null) => {
      await sql`INSERT INTO devices (id, hire_id, public_jwk, key_thumbprint, identity, fingerprint, enrolled_at, next_due_at)
          VALUES (${id}, ${hireId}, '{}', ${id}, '{}', ${id}, ${at}, ${at})`.execute(db);
      await sql`INSERT INTO reports (id, device_id, hire_id, jws_hash, kind, issued_at, received_at, payload, frames, verdict, reasons, face_status)
          VALUES (${id}, ${id}, ${hireId}, ${id}, 'onboarding', ${at}, ${at}, ${payload}, ${frames}, 'pass', '[]', 'done')`.execute(
        db,
      );
    };
    const ids = { kept: crypto.randomUUID(), deleted: crypto.randomUUID() };
    await hire(ids.kept, null);
    await hire(ids.deleted, at);
    await report(ids.kept, ids.kept, randomBytes(64));
    await report(ids.deleted, ids.deleted, null);
    await sql`INSERT INTO webhooks (id, url, secret, created_at)
        VALUES ('hook', 'https://hr.example.com/hook', 'whsec_plain', ${at})`.execute(db);
    return { db, ids };
  }

  it('does nothing without the photo key, and says it needs it', async () => {
    const { db } = await beforePrivacy();
    const { error } = await new Migrator({ db, provider: migrationProvider(storage) }).migrateToLatest();
    expect((error as Error).message).toMatch(/004-privacy .* needs the photo key/);
    const still = await sql<{ face_descriptor: string }>`SELECT face_descriptor FROM hires`.execute(db);
    expect(still.rows.map((r) => r.face_descriptor)).toEqual([template, template]);
    const secret = await sql<{ secret: string }>`SELECT secret FROM webhooks`.execute(db);
    expect(secret.rows).toEqual([{ secret: 'whsec_plain' }]);
  });

  it('seals the face template and the kept trace, and drops a deleted report’s trace', async () => {
    const { db, ids } = await beforePrivacy();
    const seal = photoSeal(randomBytes(32));
    const { error } = await new Migrator({
      db,
      provider: migrationProvider(storage, seal),
    }).migrateToLatest();
    expect(error).toBeUndefined();

    const hires = await sql<{
      id: string;
      face_template: Buffer;
    }>`SELECT id, face_template FROM hires`.execute(db);
    for (const row of hires.rows) expect(seal.open(row.face_template).toString('utf8')).toBe(template);
    await expect(sql`SELECT face_descriptor FROM hires`.execute(db)).rejects.toThrow(/face_descriptor/);
    const hooks = await sql<{ sealed_secret: Buffer }>`SELECT sealed_secret FROM webhooks`.execute(db);
    expect(hooks.rows.map((r) => seal.open(r.sealed_secret).toString('utf8'))).toEqual(['whsec_plain']);
    await expect(sql`SELECT secret FROM webhooks`.execute(db)).rejects.toThrow(/secret/);

    const reports = await sql<{
      id: string;
      payload: string;
      liveness_trace: Buffer | null;
      biometrics_deleted_at: string | null;
    }>`SELECT id, payload, liveness_trace, biometrics_deleted_at FROM reports`.execute(db);
    const byId = new Map(reports.rows.map((r) => [r.id, r]));
    const kept = byId.get(ids.kept)!;
    expect(JSON.parse(kept.payload)).toEqual({
      schema: 'hireproof.report/v2',
      liveness: { passed: true, trace: [] },
    });
    expect(JSON.parse(seal.open(kept.liveness_trace!).toString('utf8'))).toEqual(trace);
    expect(kept.biometrics_deleted_at).toBeNull();
    const deleted = byId.get(ids.deleted)!;
    expect(deleted.payload).not.toContain('4.25');
    expect([deleted.liveness_trace, deleted.biometrics_deleted_at]).toEqual([null, at]);
  });
});
