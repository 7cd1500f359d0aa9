import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { HireDetail, HireStatus, HireSummary, StatusCounts } from '../../main/contract/hr-api';
import { after, decodeCursor, encodeCursor, pageOf } from './pages';
import { mailOf } from '../mail/mail-queries';
import { reportPage } from './report-queries';
import { DUE_STANDINGS, searchTextOf } from './roster';
import type { Database, Standing } from './schema';

const dueStandings = sql<boolean>`standing IN (${sql.join(DUE_STANDINGS.map((s) => sql.lit(s)))})`;
/** Devices come only from codes HR issues: a hire has one or two; the page shows a bounded list. */
const MAX_DEVICES_SHOWN = 50;

const isDueStanding = (standing: Standing) => (DUE_STANDINGS as readonly string[]).includes(standing);

/** A hire's status now: its standing, or overdue once its app's due date has passed. */
export function statusOf(row: { standing: Standing; due_at: string | null }, now: Date): HireStatus {
  return isDueStanding(row.standing) && row.due_at !== null && row.due_at < now.toISOString()
    ? 'overdue'
    : row.standing;
}

const summaryColumns = [
  'hire_id',
  'name',
  'email',
  'created_at',
  'verified_at',
  'standing',
  'latest_verdict',
  'latest_report_at',
  'due_at',
] as const;

type RosterRow = {
  hire_id: string;
  name: string;
  email: string;
  created_at: string;
  verified_at: string | null;
  standing: Standing;
  latest_verdict: 'pass' | 'review' | 'fail' | null;
  latest_report_at: string | null;
  due_at: string | null;
};

export const summaryOf = (row: RosterRow, now: Date): HireSummary => ({
  id: row.hire_id,
  name: row.name,
  email: row.email,
  createdAt: row.created_at,
  verifiedAt: row.standing === 'verified' ? row.verified_at : null,
  status: statusOf(row, now),
  latestVerdict: row.latest_verdict,
  latestReportAt: row.latest_report_at,
  nextDueAt: row.due_at,
});

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
const containing = (text: string) => `%${searchTextOf(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type RosterQuery = SelectQueryBuilder<Database, 'roster', object>;

/**
 * One page of HR's hire list, filtered by status and a search of name and email. Newest first,
 * except overdue hires: most overdue first, straight from the due-date index. Each filter walks
 * an index in page order and stops after one page.
 */
export async function hirePage(
  db: Kysely<Database>,
  query: { status?: HireStatus; q?: string; cursor?: string; limit: number },
  now: Date,
): Promise<{ hires: HireSummary[]; next: string | null }> {
  const nowText = now.toISOString();
  const overdue = query.status === 'overdue';
  const order = overdue ? 'most-overdue' : 'newest';
  const sort: [string, string] = overdue ? ['due_at', 'hire_id'] : ['created_at', 'hire_id'];
  const direction = overdue ? 'asc' : 'desc';
  const keys = decodeCursor(order, query.cursor, 2);

  let select: RosterQuery = db.selectFrom('roster');
  if (query.status) select = withStatus(select, query.status, nowText);
  if (query.q) select = select.where(sql<boolean>`search_text LIKE ${containing(query.q)} ESCAPE '\\'`);
  if (keys) select = select.where(after(sort, direction, keys));
  const rows = await select
    .select(summaryColumns)
    .orderBy(sort[0] === 'due_at' ? 'due_at' : 'created_at', direction)
    .orderBy('hire_id', direction)
    .limit(query.limit + 1)
    .execute();
  const page = pageOf(rows, query.limit, (last) =>
    encodeCursor(order, (overdue ? last.due_at : last.created_at) ?? '', last.hire_id),
  );
  return { hires: page.items.map((row) => summaryOf(row, now)), next: page.next };
}

function withStatus(select: RosterQuery, status: HireStatus, now: string): RosterQuery {
  if (status === 'overdue') return select.where(dueStandings).where('due_at', '<', now);
  const standing = select.where('standing', '=', status);
  return isDueStanding(status)
    ? standing.where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '>=', now)]))
    : standing;
}

/**
 * How many hires stand where: the standings from their running counts, and the overdue ones (the
 * clock decides) from the due-date index, which holds only hires that can be overdue.
 */
export async function statusCounts(db: Kysely<Database>, now: Date): Promise<StatusCounts> {
  const [byStanding, overdue] = await Promise.all([
    db
      .selectFrom('standing_counts')
      .select(['standing', (eb) => eb.fn.sum<string | number>('count').as('n')])
      .groupBy('standing')
      .execute(),
    db
      .selectFrom('roster')
      .select(['standing', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where(dueStandings)
      .where('due_at', '<', now.toISOString())
      .groupBy('standing')
      .execute(),
  ]);
  const counts: StatusCounts = {
    total: 0,
    invited: 0,
    enrolled: 0,
    verified: 0,
    review: 0,
    failed: 0,
    overdue: 0,
    offboarded: 0,
  };
  for (const { standing, n } of byStanding) {
    counts[standing] += Number(n);
    counts.total += Number(n);
  }
  for (const { standing, n } of overdue) {
    counts[standing] -= Number(n);
    counts.overdue += Number(n);
  }
  return counts;
}

/** A hire's roster row, for its page. */
export const rosterRow = (db: Kysely<Database>, hireId: string) =>
  db.selectFrom('roster').select(summaryColumns).where('hire_id', '=', hireId).executeTakeFirst();

/**
 * Every hire for the CSV export, oldest first, in batches read by keyset: each batch is one short
 * indexed query, so a streamed export of any size never holds the database or the event loop long.
 */
export async function* rosterBatches(db: Kysely<Database>, batch = 1_000) {
  let keys: string[] | null = null;
  for (;;) {
    let select = db.selectFrom('roster');
    if (keys) select = select.where(after(['created_at', 'hire_id'], 'asc', keys));
    const rows = await select
      .select([...summaryColumns, 'expected_serial', 'external_id'])
      .orderBy('created_at')
      .orderBy('hire_id')
      .limit(batch)
      .execute();
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    keys = [last.created_at, last.hire_id];
  }
}

/** A hire's page: who, which laptop, its devices and the first page of its timeline. */
export async function hireDetail(
  db: Kysely<Database>,
  hireId: string,
  now: Date,
  reportsPerPage: number,
): Promise<HireDetail | null> {
  const [roster, hire, devices] = await Promise.all([
    rosterRow(db, hireId),
    db
      .selectFrom('hires')
      .select([
        'expected_serial',
        'expected_asset_tag',
        'photos_deleted_at',
        'face_status',
        'biometric_withdrawn_at',
        'offboarded_at',
        'external_id',
      ])
      .where('id', '=', hireId)
      .executeTakeFirst(),
    db
      .selectFrom('devices')
      .select([
        'id',
        'client',
        'fingerprint',
        'key_thumbprint',
        'enrolled_at',
        'next_due_at',
        'last_report_at',
        'revoked_at',
      ])
      .where('hire_id', '=', hireId)
      .orderBy('enrolled_at')
      .limit(MAX_DEVICES_SHOWN)
      .execute(),
  ]);
  if (!roster || !hire) return null;
  const [timeline, mail] = await Promise.all([
    reportPage(db, hireId, { limit: reportsPerPage }),
    mailOf(db, hireId),
  ]);
  return {
    ...summaryOf(roster, now),
    expectedDevice: { serial: hire.expected_serial, assetTag: hire.expected_asset_tag },
    photosDeletedAt: hire.photos_deleted_at,
    newIdPhotoNeeded: hire.face_status === 'needs-photo',
    biometricConsentWithdrawnAt: hire.biometric_withdrawn_at,
    offboardedAt: hire.offboarded_at,
    externalId: hire.external_id,
    mail,
    devices: devices.map((d) => ({
      id: d.id,
      client: d.client,
      fingerprint: d.fingerprint,
      keyThumbprint: d.key_thumbprint,
      enrolledAt: d.enrolled_at,
      nextDueAt: d.next_due_at,
      lastReportAt: d.last_report_at,
      revokedAt: d.revoked_at,
    })),
    reports: timeline.reports,
    nextReports: timeline.next,
  };
}
