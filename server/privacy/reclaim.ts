import { sql } from 'kysely';
import type { ServerContext } from '../context';

/**
 * After biometric data is deleted on SQLite: `secure_delete` already overwrote it with zeros in the
 * pages it left; this gives the freed pages back to the file system and checkpoints the WAL into
 * the database and truncates it, so no earlier image of those pages stays in the WAL either.
 * PostgreSQL keeps dead tuples until VACUUM and in its WAL and backups: there the photo key's
 * rotation (re-seal) is what makes old copies unreadable (README, Privacy).
 */
export async function reclaimDeleted(context: Pick<ServerContext, 'db' | 'dialect'>): Promise<void> {
  if (context.dialect !== 'sqlite') return;
  await sql`PRAGMA incremental_vacuum`.execute(context.db);
  const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(context.db);
  if (rows[0]?.busy) throw new Error('the WAL could not be checkpointed (a reader held it); will retry');
}
