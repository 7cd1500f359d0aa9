import { sql, type Kysely, type Transaction } from 'kysely';
import { columns } from '../db/codecs';
import type { Database } from '../db/schema';

export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  fairKey: string;
}

/** How many of the oldest waiting owners a claim looks at when choosing whose turn it is. */
const OWNERS_CONSIDERED = 50;
/** Jobs written per insert: 9 values each, well under SQLite's and PostgreSQL's bound on parameters. */
const JOBS_PER_INSERT = 500;
/** How many of the oldest waiting jobs a claim reads first. */
const OLDEST_LOOKED_AT = 100;

/**
 * Work that must not run on the request path (face re-verification, webhooks, retention), kept
 * in the database so that any server process may do it and none is lost with a process. A job is
 * claimed with a lease; a process that dies mid-job lets the lease run out and another takes it.
 * Each job has an owner (`fairKey`: a hire, a webhook) so the runner can take turns between them.
 */
export class JobQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    /** Where leases and completions are written (see `openBookkeeping`): `db` unless given. */
    private readonly bookkeeping: Kysely<Database> = db,
  ) {}

  async enqueue(
    kind: string,
    payload: unknown,
    options: { runAt?: Date; db?: Kysely<Database> | Transaction<Database>; fairKey?: string } = {},
  ): Promise<void> {
    await this.enqueueAll(kind, [{ payload, fairKey: options.fairKey ?? '' }], options);
  }

  /** Several jobs of one kind in one statement per page: a transaction pays one round trip, not one each. */
  async enqueueAll(
    kind: string,
    jobs: readonly { payload: unknown; fairKey: string }[],
    options: { runAt?: Date; db?: Kysely<Database> | Transaction<Database> } = {},
  ): Promise<void> {
    const runAt = (options.runAt ?? this.now()).toISOString();
    for (let i = 0; i < jobs.length; i += JOBS_PER_INSERT)
      await (options.db ?? this.db)
        .insertInto('jobs')
        .values(
          jobs.slice(i, i + JOBS_PER_INSERT).map((job) => ({
            id: crypto.randomUUID(),
            kind,
            payload: columns.jobPayload.encode(job.payload),
            run_at: runAt,
            attempts: 0,
            locked_until: null,
            done_at: null,
            last_error: null,
            fair_key: job.fairKey,
          })),
        )
        .execute();
  }

  /** Whether a job is waiting and not leased; `kind` narrows it. */
  private due(kind: string) {
    const now = this.now().toISOString();
    return this.db
      .selectFrom('jobs')
      .where('kind', '=', kind)
      .where(sql<boolean>`done_at IS NULL`)
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]));
  }

  /**
   * Leases up to `count` due jobs of `kind` for `leaseMs`, one per owner. Whose turn it is: owners
   * with no job running here (`busy`) come first, then the one served longest ago (`lastServed`),
   * then the one waiting longest; so one device's hundred large reports cannot hold every other
   * hire back. Safe against other processes claiming at the same time.
   */
  async claim(
    kind: string,
    leaseMs: number,
    busy: ReadonlySet<string>,
    lastServed: ReadonlyMap<string, number>,
    count = 1,
  ): Promise<Job[]> {
    const turns = (await this.waitingOwners(kind, busy))
      .filter((owner) => !busy.has(owner))
      .sort((a, b) => (lastServed.get(a) ?? 0) - (lastServed.get(b) ?? 0));
    const claimed: Job[] = [];
    for (const owner of turns) {
      if (claimed.length === count) break;
      const job = await this.due(kind)
        .select(['id', 'payload', 'attempts'])
        .where('fair_key', '=', owner)
        .orderBy('run_at')
        .limit(1)
        .executeTakeFirst();
      if (!job) continue;
      const leased = await this.bookkeeping
        .updateTable('jobs')
        .set({
          locked_until: new Date(this.now().getTime() + leaseMs).toISOString(),
          attempts: job.attempts + 1,
        })
        .where('id', '=', job.id)
        .where('attempts', '=', job.attempts)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (Number(leased.numUpdatedRows) === 1)
        claimed.push({
          id: job.id,
          kind,
          payload: columns.jobPayload.decode(job.payload),
          attempts: job.attempts + 1,
          fairKey: owner,
        });
    }
    return claimed;
  }

  /**
   * Owners with due jobs, oldest first. The oldest waiting jobs are one short index range and
   * usually belong to many owners; only when a few owners fill it (one device's backlog) does the
   * claim look past it, grouping every waiting job by owner, so the others still get their turn.
   */
  private async waitingOwners(kind: string, busy: ReadonlySet<string>): Promise<string[]> {
    const oldest = await this.due(kind)
      .select('fair_key')
      .orderBy('run_at')
      .limit(OLDEST_LOOKED_AT)
      .execute();
    const owners = [...new Set(oldest.map((j) => j.fair_key))];
    // Every waiting job was read, or the oldest already hold a crowd of owners to take turns among.
    if (oldest.length < OLDEST_LOOKED_AT || owners.length >= OWNERS_CONSIDERED) return owners;
    const all = await this.due(kind)
      .select(['fair_key', (eb) => eb.fn.min('run_at').as('first')])
      .groupBy('fair_key')
      .orderBy('first')
      .limit(OWNERS_CONSIDERED + busy.size)
      .execute();
    return all.map((o) => o.fair_key);
  }

  async complete(job: Job): Promise<void> {
    await this.bookkeeping
      .updateTable('jobs')
      .set({ done_at: this.now().toISOString(), locked_until: null })
      .where('id', '=', job.id)
      .execute();
  }

  /** Tries again at `retryAt`, or gives up (done, with the error kept) when that is null. */
  async fail(job: Job, error: string, retryAt: Date | null): Promise<void> {
    await this.bookkeeping
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
