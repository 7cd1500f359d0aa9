import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

/**
 * Work that must not run on the request path (face re-verification, webhooks, retention), kept
 * in the database so that any server process may do it and none is lost with a process. A job is
 * claimed with a lease; a process that dies mid-job lets the lease run out and another takes it.
 */
export class JobQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async enqueue(
    kind: string,
    payload: unknown,
    runAt = this.now(),
    db: Kysely<Database> | Transaction<Database> = this.db,
  ): Promise<void> {
    await db
      .insertInto('jobs')
      .values({
        id: crypto.randomUUID(),
        kind,
        payload: JSON.stringify(payload),
        run_at: runAt.toISOString(),
        attempts: 0,
        locked_until: null,
        done_at: null,
        last_error: null,
      })
      .execute();
  }

  /** Takes the next due job for `leaseMs`, or null. Safe against other processes claiming too. */
  async claim(leaseMs: number): Promise<Job | null> {
    const now = this.now().toISOString();
    const candidates = await this.db
      .selectFrom('jobs')
      .select(['id', 'kind', 'payload', 'attempts'])
      .where('done_at', 'is', null)
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('run_at')
      .limit(5)
      .execute();
    for (const job of candidates) {
      const leased = await this.db
        .updateTable('jobs')
        .set({
          locked_until: new Date(this.now().getTime() + leaseMs).toISOString(),
          attempts: job.attempts + 1,
        })
        .where('id', '=', job.id)
        .where('attempts', '=', job.attempts)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (Number(leased.numUpdatedRows) === 1) {
        return {
          id: job.id,
          kind: job.kind,
          payload: JSON.parse(job.payload) as unknown,
          attempts: job.attempts + 1,
        };
      }
    }
    return null;
  }

  async complete(job: Job): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ done_at: this.now().toISOString(), locked_until: null })
      .where('id', '=', job.id)
      .execute();
  }

  /** Tries again at `retryAt`, or gives up (done, with the error kept) when that is null. */
  async fail(job: Job, error: string, retryAt: Date | null): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set(
        retryAt
          ? { run_at: retryAt.toISOString(), locked_until: null, last_error: error }
          : { done_at: this.now().toISOString(), locked_until: null, last_error: error },
      )
      .where('id', '=', job.id)
      .execute();
  }
}
