import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export type Write<T> = (trx: Transaction<Database>) => Promise<T>;

/** Runs a unit of writes in a transaction of its own, or as part of a shared one. */
export interface Writer {
  run<T>(write: Write<T>): Promise<T>;
}

/** PostgreSQL commits concurrent transactions together on its own: one transaction per write. */
export function transactionPerWrite(db: Kysely<Database>): Writer {
  return { run: (write) => db.transaction().execute(write) };
}

interface Pending {
  write: Write<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for SQLite: the writes that arrive in the same turn of the event loop share one
 * transaction and so one fsync, each inside its own savepoint so that one failing write is undone
 * alone. Every write's promise settles only after the commit, so an acknowledgement is still durable.
 */
export function groupCommit(db: Kysely<Database>, maxBatch = 64): Writer {
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      const outcomes: { ok: boolean; value: unknown }[] = [];
      try {
        const trx = await db.startTransaction().execute();
        try {
          for (const [i, pending] of batch.entries()) {
            const name = `w${i}`;
            const point = await trx.savepoint(name).execute();
            try {
              outcomes.push({ ok: true, value: await pending.write(point) });
              await point.releaseSavepoint(name).execute();
            } catch (error) {
              await point.rollbackToSavepoint(name).execute();
              outcomes.push({ ok: false, value: error });
            }
          }
          await trx.commit().execute();
        } catch (error) {
          await trx
            .rollback()
            .execute()
            .catch(() => undefined);
          throw error;
        }
        batch.forEach((pending, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.value);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    scheduled = false;
  };

  return {
    run<T>(write: Write<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          // Let every request of this turn join before the batch starts.
          setImmediate(() => void flush());
        }
      });
    },
  };
}
