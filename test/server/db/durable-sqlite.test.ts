import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DurableSqliteDialect, walFlusher } from '../../../server/db/durable-sqlite';
import { openDatabase } from '../../../server/db/open-database';

/** A log flush the test completes by hand, counting how often the driver asks for one. */
function heldFlush() {
  const waiting: (() => void)[] = [];
  return {
    asked: () => waiting.length,
    flush: () => new Promise<void>((resolve) => waiting.push(resolve)),
    release: () => waiting.splice(0).forEach((done) => done()),
  };
}

async function database(flush: () => Promise<void>) {
  const sqlite = new SqliteDatabase(join(await mkdtemp(join(tmpdir(), 'hp-durable-')), 'db.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<{ t: { id: number; v: string } }>({
    dialect: new DurableSqliteDialect({ database: sqlite }, { flush, beforeClose: () => Promise.resolve() }),
  });
  await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`.execute(db);
  return db;
}

describe('durable SQLite writes, flushed off the event loop', () => {
  it('settles a commit, and a write outside a transaction, only once the log is flushed; reads never wait for one', async () => {
    const log = heldFlush();
    const db = await database(log.flush);
    log.release();
    let committed = false;
    const write = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('t').values({ id: 1, v: 'a' }).execute();
        await trx.insertInto('t').values({ id: 2, v: 'b' }).execute();
      })
      .then(() => (committed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([committed, log.asked()]).toEqual([false, 1]);
    log.release();
    await write;

    let inserted = false;
    const single = db
      .insertInto('t')
      .values({ id: 3, v: 'c' })
      .execute()
      .then(() => (inserted = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([inserted, log.asked()]).toEqual([false, 1]);
    log.release();
    await single;

    expect(await db.selectFrom('t').select('id').execute()).toHaveLength(3);
    expect(log.asked()).toBe(0);
    // A write that returns rows is still a write.
    const returning = db.deleteFrom('t').where('id', '=', 3).returning('id').execute();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.asked()).toBe(1);
    log.release();
    expect(await returning).toEqual([{ id: 3 }]);
    await db.destroy();
  });

  it('flushes once for every write that arrives during a flush', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-wal-'));
    const sqlite = new SqliteDatabase(join(dir, 'db.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('CREATE TABLE t (id INTEGER)');
    const wal = walFlusher(join(dir, 'db.sqlite-wal'));
    const first = wal.flush();
    const during = [wal.flush(), wal.flush(), wal.flush()];
    expect(new Set(during).size).toBe(1);
    expect(during[0]).not.toBe(first);
    await Promise.all([first, ...during]);
    await wal.close();
    sqlite.close();
  });

  it('moves the log into the database file in its own thread, so the log does not grow without end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-checkpoint-'));
    const { db } = await openDatabase({ dataDir: dir });
    const wal = join(dir, 'hireproof.sqlite-wal');
    const payload = 'x'.repeat(50_000);
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 40; i++)
        await db
          .insertInto('webhooks')
          .values({ id: `${round}-${i}`, url: payload, sealed_secret: Buffer.from('s'), created_at: 'now' })
          .execute();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
    // 12 MB written; the log is reused from its start once checkpointed, so it stays far smaller.
    expect((await stat(wal)).size).toBeLessThan(6_000_000);
    expect(await db.selectFrom('webhooks').select('id').execute()).toHaveLength(240);
    await db.destroy();
  }, 30_000);
});
