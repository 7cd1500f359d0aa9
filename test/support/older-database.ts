import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from '../../server/db/migrations';
import { freshPostgres, type Storage } from './hr-service';

/**
 * An empty database of the given kind as an older server left it: migrated up to `migration` and
 * no further, for a migration test to fill and then migrate with this server. Its folder and
 * PostgreSQL database are removed by `cleanups`; the connection is the caller's to close.
 */
export async function olderDatabase(
  storage: Storage,
  migration: string,
  cleanups: (() => Promise<void>)[],
): Promise<{ db: Kysely<unknown>; dataDir: string; databaseUrl: string | undefined }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hireproof-migrate-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const database = storage === 'postgres' ? await freshPostgres() : null;
  if (database) cleanups.push(database.drop);
  const db = database
    ? new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url }) }),
      })
    : new Kysely<unknown>({
        dialect: new SqliteDialect({ database: new SqliteDatabase(join(dataDir, 'hireproof.sqlite')) }),
      });
  const { error } = await new Migrator({ db, provider: migrationProvider(storage) }).migrateTo(migration);
  if (error) throw error instanceof Error ? error : new Error(`migrating to ${migration} failed`);
  return { db, dataDir, databaseUrl: database?.url };
}
