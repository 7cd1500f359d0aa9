import type { Kysely, Transaction } from 'kysely';
import { columns } from '../db/codecs';
import type { Database } from '../db/schema';
import type { Writer } from '../db/write-batcher';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  /** The hire the entry is about (its own or one of its reports'), so it shows on the hire's trail. */
  hire: string | null;
  detail?: Record<string, unknown>;
  at: Date;
}

const rowOf = (entry: AuditEntry) => ({
  at: entry.at.toISOString(),
  actor: entry.actor,
  action: entry.action,
  target: entry.target,
  hire_id: entry.hire,
  detail: columns.auditDetail.encode(entry.detail ?? {}),
});

/** Who viewed or changed what, and when. Details hold ids and decisions, never biometric data. */
export async function audit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(rowOf(entry)).execute();
}

/**
 * HR's reads are audited too, but they must not compete with report intake: the entries of reads
 * that finish in the same turn of the event loop are written as one insert through the intake's
 * writer (on SQLite, inside its group commit), and each read answers once its entry is stored.
 */
export function readAudit(writes: Writer): (entry: AuditEntry) => Promise<void> {
  let waiting: { row: ReturnType<typeof rowOf>; done: (error?: Error) => void }[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    writes
      .run(async (trx) => {
        for (let i = 0; i < batch.length; i += 500)
          await trx
            .insertInto('audit_log')
            .values(batch.slice(i, i + 500).map((b) => b.row))
            .execute();
      })
      .then(
        () => batch.forEach((b) => b.done()),
        (error: unknown) =>
          batch.forEach((b) => b.done(error instanceof Error ? error : new Error(String(error)))),
      );
  };
  return (entry) =>
    new Promise<void>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ row: rowOf(entry), done: (error) => (error ? reject(error) : resolve()) });
    });
}
