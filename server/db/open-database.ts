import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { packageRoot } from '../../main/package-root';
import { DurableSqliteDialect, walFlusher } from './durable-sqlite';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Where it lives, without any password, for logs and the start-up line. */
  where: string;
}

/**
 * SQLite under the data folder by default (no set-up), or PostgreSQL when a postgres:// URL is
 * given, so several server processes can share one database. Migrations run before it is returned.
 */
export async function openDatabase(options: { dataDir: string; url?: string }): Promise<OpenDatabase> {
  const opened = options.url ? openPostgres(options.url) : openSqlite(options.dataDir);
  const { error, results } = await new Migrator({
    db: opened.db,
    provider: migrationProvider(opened.dialect),
  }).migrateToLatest();
  if (error) {
    await opened.db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message}`);
  }
  return opened;
}

function openSqlite(dataDir: string): OpenDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'hireproof.sqlite');
  const sqlite = new SqliteDatabase(path);
  // WAL lets readers (the dashboard) work while a report is written. Commits are made durable by
  // the driver, off the event loop (see DurableSqliteDialect); checkpoints run in their own thread.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const checkpoints = startCheckpoints(path);
  if (checkpoints) sqlite.pragma('wal_autocheckpoint = 0');
  const wal = walFlusher(`${path}-wal`);
  const dialect = new DurableSqliteDialect(
    { database: withStatementCache(sqlite) },
    {
      flush: wal.flush,
      beforeClose: async () => {
        await checkpoints?.stop();
        await wal.close();
      },
    },
  );
  return { db: new Kysely<Database>({ dialect }), dialect: 'sqlite', where: path };
}

/** The checkpoint thread, from the bundle `npm run build:cli` writes; without it SQLite checkpoints inline. */
function startCheckpoints(path: string) {
  const script = join(packageRoot(import.meta.url), 'out', 'db', 'checkpoint-worker.mjs');
  if (!existsSync(script)) return null;
  const worker = new Worker(script, { workerData: { path, everyMs: 1_000 } });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.once('message', () => void worker.terminate());
        worker.postMessage('stop');
      }),
  };
}

/**
 * Kysely prepares every query afresh; the report path runs the same few statements thousands of
 * times, so prepared statements are kept by their SQL text (bounded: queries are built from code).
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size < 1_000) statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string): OpenDatabase {
  const parsed = new URL(url);
  if (!/^postgres(ql)?:$/.test(parsed.protocol))
    throw new Error(`--database must be a postgres:// URL, not ${parsed.protocol}`);
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  parsed.password = '';
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    where: parsed.toString(),
  };
}

/**
 * For writes a crash may lose without harm (rate-limit counts; job leases and completions, which
 * at worst run a job twice, and every job tolerates that): on PostgreSQL a small pool whose commits
 * do not wait for the disk, so they do not queue behind intake's. SQLite's own writer otherwise.
 */
export function openBookkeeping(opened: OpenDatabase, url: string | undefined): Kysely<Database> {
  if (opened.dialect !== 'postgres' || !url) return opened.db;
  const pool = new pg.Pool({ connectionString: url, max: 4, options: '-c synchronous_commit=off' });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
