import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { privateDir, privateFiles } from '../../main/data/private-dir';
import pg from 'pg';
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
  // WAL lets readers (the dashboard) work while a report is written; FULL sync keeps acks durable.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted biometric data is overwritten with zeros in place, and freed pages can be given back
  // (server/privacy/reclaim.ts): "deleted" must not mean "still in the file".
  sqlite.pragma('secure_delete = ON');
  if (sqlite.pragma('auto_vacuum', { simple: true }) !== AUTO_VACUUM_INCREMENTAL) {
    sqlite.pragma('auto_vacuum = INCREMENTAL');
    sqlite.exec('VACUUM'); // takes effect on a database that already has tables only after a VACUUM
  }
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    dialect: 'sqlite',
    where: path,
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
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  parsed.password = '';
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    where: parsed.toString(),
  };
}
