import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditPage, HirePage, StatusCounts, VerdictStats } from '../../../main/contract/hr-api';
import { startServer } from '../../../server/start-server';
import { ADMIN_TOKEN, api, storages, TEST_PHOTO_KEY, type Storage } from '../../support/hr-service';
import { olderDatabase } from '../../support/older-database';

/**
 * A database written before the roster existed, migrated by this server: every hire gets its
 * standing from its devices and latest report, the chart's counts come from the stored reports,
 * and audit entries about a hire's reports join the hire's trail.
 */
describe.each(storages)('migration 005 on an existing %s database', (storage: Storage) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const DAY = 86_400_000;
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();

  it('gives every hire its standing, counts the stored reports and files audit entries by hire', async () => {
    const { db, dataDir, databaseUrl } = await olderDatabase(storage, '003-server-judges', cleanups);

    const ids = {
      invited: crypto.randomUUID(),
      verified: crypto.randomUUID(),
      failed: crypto.randomUUID(),
      overdue: crypto.randomUUID(),
    };
    const hire = (id: string, name: string, verifiedAt: string | null) =>
      sql`INSERT INTO hires (id, name, email, face_status, created_at, verified_at)
          VALUES (${id}, ${name}, ${`${name.split(' ')[0]?.toLowerCase()}@example.com`}, 'ready', ${at(30)}, ${verifiedAt})`.execute(
        db,
      );
    const device = (hireId: string, nextDueAt: string) => {
      const id = crypto.randomUUID();
      return sql`INSERT INTO devices (id, hire_id, public_jwk, key_thumbprint, identity, fingerprint, enrolled_at, next_due_at, client)
          VALUES (${id}, ${hireId}, '{}', ${`thumb-${id}`}, '{}', 'fp', ${at(29)}, ${nextDueAt}, 'app')`
        .execute(db)
        .then(() => id);
    };
    const report = (deviceId: string, hireId: string, verdict: string, daysAgo: number) => {
      const id = crypto.randomUUID();
      return sql`INSERT INTO reports (id, device_id, hire_id, jws_hash, kind, issued_at, received_at, payload, verdict, reasons, face_status)
          VALUES (${id}, ${deviceId}, ${hireId}, ${`hash-${id}`}, 'reattestation', ${at(daysAgo)}, ${at(daysAgo)},
                  '{"checks":{"checks":[]}}', ${verdict}, '[]', 'done')`
        .execute(db)
        .then(() => id);
    };
    await hire(ids.invited, 'Ivy Invited', null);
    await hire(ids.verified, 'Vic Verified', at(20));
    await hire(ids.failed, 'Fay Failed', at(20));
    await hire(ids.overdue, 'Otto Overdue', at(20));
    const vDevice = await device(ids.verified, at(-3));
    const fDevice = await device(ids.failed, at(-3));
    const oDevice = await device(ids.overdue, at(2));
    await report(vDevice, ids.verified, 'fail', 10);
    await report(vDevice, ids.verified, 'pass', 3);
    await report(fDevice, ids.failed, 'pass', 10);
    const failedReport = await report(fDevice, ids.failed, 'fail', 1);
    await report(oDevice, ids.overdue, 'pass', 9);
    await sql`INSERT INTO audit_log (at, actor, action, target, detail)
        VALUES (${at(1)}, 'token:hr', 'report.review.fail', ${failedReport}, '{}'),
               (${at(1)}, 'token:hr', 'hire.view', ${ids.failed}, '{}')`.execute(db);
    await db.destroy();

    const server = await startServer({
      port: 0,
      dataDir,
      databaseUrl: databaseUrl,
      adminToken: ADMIN_TOKEN,
      ...(databaseUrl ? { photoKey: TEST_PHOTO_KEY } : {}),
      runJobs: false,
    });
    cleanups.push(() => server.close());

    const hires = HirePage.parse((await api(server.url, 'GET', '/v1/hires')).json).hires;
    expect(Object.fromEntries(hires.map((h) => [h.name, [h.status, h.latestVerdict]]))).toEqual({
      'Ivy Invited': ['invited', null],
      'Vic Verified': ['verified', 'pass'],
      'Fay Failed': ['failed', 'fail'],
      'Otto Overdue': ['overdue', 'pass'],
    });
    expect(StatusCounts.parse((await api(server.url, 'GET', '/v1/stats/hires')).json)).toEqual({
      total: 4,
      invited: 1,
      enrolled: 0,
      verified: 1,
      review: 0,
      failed: 1,
      overdue: 1,
      offboarded: 0,
    });
    const found = HirePage.parse((await api(server.url, 'GET', '/v1/hires?q=OTTO')).json).hires;
    expect(found.map((h) => h.id)).toEqual([ids.overdue]);

    const stats = VerdictStats.parse((await api(server.url, 'GET', '/v1/stats/verdicts?days=30')).json);
    const total = (verdict: 'pass' | 'fail' | 'review') => stats.days.reduce((n, d) => n + d[verdict], 0);
    expect([total('pass'), total('fail'), total('review')]).toEqual([3, 2, 0]);

    const trail = AuditPage.parse((await api(server.url, 'GET', `/v1/hires/${ids.failed}/audit`)).json);
    expect(trail.entries.map((e) => [e.action, e.target])).toEqual([
      ['audit.view', ids.failed],
      ['hire.view', ids.failed],
      ['report.review.fail', failedReport],
    ]);
  });
});
