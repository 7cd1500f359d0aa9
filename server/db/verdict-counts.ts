import { sql, type Kysely, type Transaction } from 'kysely';
import type { Verdict } from '../../main/contract/checks';
import type { Database } from './schema';

/**
 * Which row of a day and verdict a transaction adds to. On PostgreSQL, its server process's own:
 * two transactions running at once never share one, so intake never waits on another's row lock.
 * SQLite has one writer: one row.
 */
export const shardOf = (dialect: 'sqlite' | 'postgres') =>
  dialect === 'postgres' ? sql<number>`pg_backend_pid()` : 0;

/** Times are ISO-8601 UTC text, so the day is the first ten characters on SQLite and PostgreSQL alike. */
export const dayOf = (isoTime: string) => isoTime.slice(0, 10);

/**
 * Moves the chart's counts as reports arrive and verdicts change (face re-check, review), in the
 * transaction that makes the change: `from` is the verdict the report had (none when it is new),
 * `to` the one it has now (none when it is erased).
 */
export async function countVerdict(
  trx: Kysely<Database> | Transaction<Database>,
  dialect: 'sqlite' | 'postgres',
  receivedAt: string,
  change: { from: Verdict | null; to: Verdict | null },
): Promise<void> {
  if (change.from === change.to) return;
  const shard = shardOf(dialect);
  const deltas: [Verdict, number][] = [];
  if (change.to) deltas.push([change.to, 1]);
  if (change.from) deltas.push([change.from, -1]);
  for (const [verdict, by] of deltas) {
    await trx
      .insertInto('report_counts')
      .values({ day: dayOf(receivedAt), verdict, shard, count: by })
      .onConflict((oc) =>
        oc
          .columns(['day', 'verdict', 'shard'])
          .doUpdateSet({ count: (eb) => eb('report_counts.count', '+', eb.ref('excluded.count')) }),
      )
      .execute();
  }
}

/** Counts every stored report (a migration; `recountReports` for a database written directly). */
export const countAllReports = () =>
  sql`INSERT INTO report_counts (day, verdict, shard, count)
      SELECT substr(received_at, 1, 10), verdict, 0, count(*) FROM reports
      GROUP BY substr(received_at, 1, 10), verdict`;

/** Rebuilds the counts from the reports, after reports were written or moved without the server. */
export async function recountReports(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_counts').execute();
    await countAllReports().execute(trx);
  });
}

/** Reports per day and verdict from `fromDay` on. */
export async function verdictCounts(db: Kysely<Database>, fromDay: string) {
  const rows = await db
    .selectFrom('report_counts')
    .select(['day', 'verdict', (eb) => eb.fn.sum<string | number>('count').as('count')])
    .where('day', '>=', fromDay)
    .groupBy(['day', 'verdict'])
    .execute();
  return rows.map((r) => ({ day: r.day, verdict: r.verdict, count: Number(r.count) }));
}
