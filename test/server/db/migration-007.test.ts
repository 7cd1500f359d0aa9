import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../server/auth/secrets';
import { startServer } from '../../../server/start-server';
import { olderDatabase } from '../../support/older-database';
import { api, storages, TEST_PHOTO_KEY, type Storage } from '../../support/hr-service';

/**
 * A database from before roles, migrated by this server: its API tokens, and the dashboard
 * sessions opened with them, act as HR admins (the only kind of HR there was).
 */
describe.each(storages)('migration 007 on an existing %s database', (storage: Storage) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('makes every existing token, and its sessions, an HR admin', async () => {
    const { db, dataDir, databaseUrl } = await olderDatabase(storage, '006-farm-signals', cleanups);
    const token = 'hp_an-old-token-from-before-roles-0123456789';
    const session = 'hps_an-old-dashboard-session-0123456789';
    const now = new Date();
    const later = new Date(now.getTime() + 3_600_000).toISOString();
    await sql`INSERT INTO admin_tokens (id, name, token_hash, created_at)
        VALUES ('t1', 'payroll-sync', ${hashSecret(token)}, ${now.toISOString()})`.execute(db);
    await sql`INSERT INTO sessions (id_hash, actor, created_at, expires_at, token_id)
        VALUES (${hashSecret(session)}, 'session:payroll-sync', ${now.toISOString()}, ${later}, 't1')`.execute(
      db,
    );
    await db.destroy();

    const server = await startServer({
      port: 0,
      dataDir,
      databaseUrl: databaseUrl,
      ...(databaseUrl ? { photoKey: TEST_PHOTO_KEY } : {}),
      runJobs: false,
    });
    cleanups.push(() => server.close());
    const asToken = await api(server.url, 'GET', '/v1/session', undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(asToken.json).toEqual({ actor: 'token:payroll-sync', role: 'hr-admin', emailsHires: false });
    const asSession = await api(server.url, 'GET', '/v1/session', undefined, {
      authorization: '',
      cookie: `hireproof_session=${session}`,
    });
    expect(asSession.json).toEqual({ actor: 'session:payroll-sync', role: 'hr-admin', emailsHires: false });
  });
});
