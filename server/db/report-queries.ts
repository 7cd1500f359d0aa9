import { sql, type Kysely } from 'kysely';
import type { ReportDetail, ReportSummary } from '../../main/contract/hr-api';
import { ReportKind } from '../../main/contract/report';
import { columns } from './codecs';
import { after, decodeCursor, encodeCursor, pageOf } from './pages';
import type { Database } from './schema';

/** What a timeline entry shows; never the payload (the checks are fetched when HR opens a report). */
const summaryColumns = [
  'reports.id',
  'reports.device_id',
  'reports.kind',
  'reports.issued_at',
  'reports.received_at',
  'reports.verdict',
  'reports.reasons',
  'reports.face_status',
  'reports.reviewed_by',
  'reports.review_note',
  'reports.refusal',
  'reports.biometrics_deleted_at',
  sql<number | boolean>`reports.frames IS NOT NULL`.as('has_face_frames'),
] as const;

interface SummaryRow {
  id: string;
  device_id: string;
  kind: string;
  issued_at: string;
  received_at: string;
  verdict: 'pass' | 'review' | 'fail';
  reasons: string;
  face_status: 'none' | 'pending' | 'done';
  reviewed_by: string | null;
  review_note: string | null;
  refusal: string | null;
  biometrics_deleted_at: string | null;
  has_face_frames: number | boolean;
}

function summaryOf(row: SummaryRow): ReportSummary {
  return {
    id: row.id,
    deviceId: row.device_id,
    kind: ReportKind.parse(row.kind),
    issuedAt: row.issued_at,
    receivedAt: row.received_at,
    verdict: row.verdict,
    // HR sees why; the weights stay on the server.
    reasons: columns.reportReasons.decode(row.reasons).map(({ weight: _weight, ...reason }) => reason),
    faceStatus: row.face_status,
    review: row.reviewed_by ? { by: row.reviewed_by, note: row.review_note } : null,
    hasFaceFrames: Boolean(row.has_face_frames),
    faceFramesDeletedAt: row.biometrics_deleted_at,
    refusal: row.refusal,
  };
}

/** One page of a hire's reports, newest first, on the (hire, received) index. */
export async function reportPage(
  db: Kysely<Database>,
  hireId: string,
  page: { cursor?: string; limit: number },
): Promise<{ reports: ReportSummary[]; next: string | null }> {
  const keys = decodeCursor('newest', page.cursor, 2);
  let select = db.selectFrom('reports').where('reports.hire_id', '=', hireId);
  if (keys) select = select.where(after(['reports.received_at', 'reports.id'], 'desc', keys));
  const rows = await select
    .select(summaryColumns)
    .orderBy('reports.received_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { items, next } = pageOf(rows, page.limit, (last) =>
    encodeCursor('newest', last.received_at, last.id),
  );
  return { reports: items.map(summaryOf), next };
}

/** One report with every check and its evidence: the server's judgement, or an old report's own. */
export async function reportDetail(db: Kysely<Database>, reportId: string): Promise<ReportDetail | null> {
  const row = await db
    .selectFrom('reports')
    .select([...summaryColumns, 'reports.hire_id', 'reports.payload'])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (!row) return null;
  const stored = columns.reportPayload.decode(row.payload);
  return {
    ...summaryOf(row),
    hireId: row.hire_id,
    judgedBy: stored.serverChecks ? 'server' : 'device',
    checks: stored.serverChecks ?? stored.checks.checks,
  };
}
