import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { privateDir, privateFiles } from '../../main/data/private-dir';
import pg from 'pg';
import { packageRoot } from '../../main/package-root';
import { DurableSqliteDialect, walFlusher } from './durable-sqlite';
import { ensureSealCheck, resolvePhotoSeal } from '../photos/photo-key';
import type { PhotoSeal } from '../photos/photo-seal';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Where it lives, without any password, for logs and the start-up line. */
  where: string;
  /** The photo key's seal, checked against what this database already holds. */
  seal: PhotoSeal;
}

/**
 * SQLite under the data folder by default (no set-up), or PostgreSQL when a postgres:// URL is
 * given, so several server processes can share one database. The photo key is checked against
 * the sealed data first (a wrong or missing key stops here), then migrations run.
 */
export async function openDatabase(options: {
  dataDir: string;
  url?: string;
  /** HIREPROOF_PHOTO_KEY; without it, SQLite keeps the key in the data folder. */
  photoKey?: string;
}): Promise<OpenDatabase> {
  const opened = options.url ? openPostgres(options.url) : openSqlite(options.dataDir);
  try {
    const untyped = opened.db as unknown as Kysely<unknown>;
    const seal = await resolvePhotoSeal(untyped, {
      dataDir: options.dataDir,
      fromEnv: options.photoKey,
      dialect: opened.dialect,
    });
    const { error, results } = await new Migrator({
      db: opened.db,
      provider: migrationProvider(opened.dialect, seal),
    }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`database migration ${failed} failed: ${(error as Error).message}`);
    }
    await ensureSealCheck(untyped, seal, new Date());
    return { ...opened, seal };
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
}

const AUTO_VACUUM_INCREMENTAL = 2;

function openSqlite(dataDir: string): Omit<OpenDatabase, 'seal'> {
  privateDir(dataDir);
  const path = join(dataDir, 'hireproof.sqlite');
  // SQLite makes its WAL and shared-memory files with the database file's mode: 0600 for all three.
  privateFiles([path], true);
  privateFiles([`${path}-wal`, `${path}-shm`], false);
  const sqlite = new SqliteDatabase(path);
  // WAL lets readers (the dashboard) work while a report is written. Commits are made durable by
  // the driver, off the event loop (see DurableSqliteDialect); checkpoints run in their own thread.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted biometric data is overwritten with zeros in place, and freed pages can be given back
  // (server/privacy/reclaim.ts): "deleted" must not mean "still in the file".
  sqlite.pragma('secure_delete = ON');
  if (sqlite.pragma('auto_vacuum', { simple: true }) !== AUTO_VACUUM_INCREMENTAL) {
    sqlite.pragma('auto_vacuum = INCREMENTAL');
    sqlite.exec('VACUUM'); // takes effect on a database that already has tables only after a VACUUM
  }
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

function openPostgres(url: string): Omit<OpenDatabase, 'seal'> {
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
