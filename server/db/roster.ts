import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Standing } from './schema';
import { shardOf } from './verdict-counts';

/** The standings in which a passed due date makes a hire overdue (a failure or a review says more). */
export const DUE_STANDINGS = ['enrolled', 'verified'] as const;

/** What HR's search matches: name and email, in one case and one Unicode form. */
export const searchTextOf = (...parts: string[]) => parts.join(' ').normalize('NFKC').toLowerCase();

/** The hire's most recent report's `column` (received last; the id breaks a tie). */
const latest = (column: 'verdict' | 'received_at') =>
  sql`(SELECT r.${sql.ref(column)} FROM reports r WHERE r.hire_id = roster.hire_id
       ORDER BY r.received_at DESC, r.id DESC LIMIT 1)`;
const verifiedAt = sql`(SELECT h.verified_at FROM hires h WHERE h.id = roster.hire_id)`;
const offboardedAt = sql`(SELECT h.offboarded_at FROM hires h WHERE h.id = roster.hire_id)`;
/** A report of the hire still waits on the server's face verdict: nothing is final yet. */
const facePending = sql`EXISTS (SELECT 1 FROM reports r WHERE r.hire_id = roster.hire_id AND r.face_status = 'pending')`;

/**
 * Recomputes roster rows from the hire, its devices and its latest report, by indexed lookups:
 * one hire's row, or every row (`null`: migrations and seeded databases). This is the one place
 * where a hire's standing is decided; overdue is added at read time from `due_at`. A hire is never
 * verified while a report of theirs waits on the server's face verdict.
 */
export function rosterRefresh(hireId: string | null, { revocable = true } = {}) {
  // Migrations before 008 run this on devices that have no `revoked_at` yet: every device is live.
  const live = revocable ? sql` AND d.revoked_at IS NULL` : sql``;
  return sql`UPDATE roster SET
    verified_at = ${verifiedAt},
    latest_verdict = ${latest('verdict')},
    latest_report_at = ${latest('received_at')},
    due_at = (SELECT min(d.next_due_at) FROM devices d WHERE d.hire_id = roster.hire_id AND d.client = 'app'${live}),
    standing = CASE
      WHEN ${offboardedAt} IS NOT NULL THEN 'offboarded'
      WHEN NOT EXISTS (SELECT 1 FROM devices d WHERE d.hire_id = roster.hire_id${live}) THEN 'invited'
      WHEN ${latest('verdict')} = 'fail' THEN 'failed'
      WHEN ${latest('verdict')} = 'review' THEN 'review'
      WHEN ${latest('verdict')} = 'pass' AND ${verifiedAt} IS NOT NULL AND NOT ${facePending} THEN 'verified'
      ELSE 'enrolled'
    END
    ${hireId === null ? sql`` : sql`WHERE hire_id = ${hireId} RETURNING standing`}`;
}

/**
 * Brings one hire's roster row up to date inside the transaction that changed it, and moves the
 * standing counts when its standing changed. On PostgreSQL the row is locked first, so two
 * reports of one hire committing together cannot leave the earlier one's verdict behind (each
 * statement then sees what the other committed).
 */
export async function refreshRoster(
  trx: Kysely<Database> | Transaction<Database>,
  dialect: 'sqlite' | 'postgres',
  hireId: string,
): Promise<void> {
  let before = trx.selectFrom('roster').select('standing').where('hire_id', '=', hireId);
  if (dialect === 'postgres') before = before.forUpdate();
  const was = await before.executeTakeFirst();
  const { rows } = await sql<{ standing: Standing }>`${rosterRefresh(hireId)}`.execute(trx);
  const now = rows[0];
  if (was && now && was.standing !== now.standing) {
    await countStanding(trx, dialect, was.standing, -1);
    await countStanding(trx, dialect, now.standing, 1);
  }
}

/** Moves a standing's count, on the transaction's own row (see `shardOf`). */
async function countStanding(
  trx: Kysely<Database> | Transaction<Database>,
  dialect: 'sqlite' | 'postgres',
  standing: Standing,
  by: number,
) {
  await trx
    .insertInto('standing_counts')
    .values({ standing, shard: shardOf(dialect), count: by })
    .onConflict((oc) =>
      oc
        .columns(['standing', 'shard'])
        .doUpdateSet({ count: (eb) => eb('standing_counts.count', '+', eb.ref('excluded.count')) }),
    )
    .execute();
}

/** Counts every roster row's standing (a migration; `recountStandings` for a database written directly). */
export const countAllStandings = () =>
  sql`INSERT INTO standing_counts (standing, shard, count) SELECT standing, 0, count(*) FROM roster GROUP BY standing`;

export async function recountStandings(db: Kysely<Database> | Transaction<Database>): Promise<void> {
  await db.deleteFrom('standing_counts').execute();
  await countAllStandings().execute(db);
}

/** An erased hire leaves the roster and its standing's count. */
export async function removeFromRoster(
  trx: Kysely<Database> | Transaction<Database>,
  dialect: 'sqlite' | 'postgres',
  hireId: string,
): Promise<void> {
  const row = await trx
    .deleteFrom('roster')
    .where('hire_id', '=', hireId)
    .returning('standing')
    .executeTakeFirst();
  if (row) await countStanding(trx, dialect, row.standing, -1);
}

/** A new hire's roster row: invited, with nothing reported yet. */
export async function addToRoster(
  trx: Kysely<Database> | Transaction<Database>,
  dialect: 'sqlite' | 'postgres',
  hire: {
    id: string;
    name: string;
    email: string;
    expectedSerial: string | null;
    externalId?: string | null;
    createdAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('roster')
    .values({
      hire_id: hire.id,
      name: hire.name,
      email: hire.email,
      expected_serial: hire.expectedSerial,
      external_id: hire.externalId ?? null,
      created_at: hire.createdAt,
      search_text: searchTextOf(hire.name, hire.email),
    })
    .execute();
  await countStanding(trx, dialect, 'invited', 1);
}
