import type { Transaction } from 'kysely';
import { z } from 'zod';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { refreshRoster } from '../db/roster';
import type { Database } from '../db/schema';
import { countVerdict } from '../db/verdict-counts';
import type { WeighedReason } from '../reports/decide-verdict';
import { finalVerdictJobs } from '../reports/final-verdict';
import { dismissedKey, dismissedLinks } from './dismiss-link';
import { LAPTOP_MARKS, MarkKind, PLACE_MARKS, type Mark } from './farm-marks';
import { FARM_CHECKS, FARM_CHECK_OF, type FarmSignal } from './farm-signal';
import type { JobHandler } from '../jobs/job-runner';

/**
 * A hardware id on more hires than this is a default nobody listed (a vendor's placeholder serial),
 * not one device: it links no one, and a report never pays for more hires than this per id.
 */
const MOST_HIRES_PER_DEVICE_ID = 20;
/** The most hires one place links a report to: the newest seen there. */
const MOST_HIRES_PER_PLACE = 200;

/** What a stored link keeps of what was shared. */
export const LinkEvidence = z.object({ shown: z.string() });

/** One hire linked to another by one signal, and what was shared (a hardware id, never an address). */
export interface HireLink {
  otherHireId: string;
  signal: FarmSignal;
  shown: string;
}

/**
 * Records the marks one report showed for its hire and links the hire with every other hire that
 * showed the same ones: by index on the keyed hash, never a scan of reports. Hardware links any two
 * hires (not a laptop's parts once its earlier hire was offboarded: IT re-issued it); a place links
 * once enough hires were seen from it within the policy's window.
 */
export async function linkByMarks(
  trx: Transaction<Database>,
  context: ServerContext,
  hireId: string,
  marks: readonly Mark[],
): Promise<void> {
  const hash = context.farmMarks;
  if (!hash || marks.length === 0) return;
  const now = context.now().toISOString();
  const { windowHours, hiresPerAddress, hiresPerNetwork, rhythmMinutes, hiresInRhythm } = context.policy.farm;
  const ago = (ms: number) => new Date(context.now().getTime() - ms).toISOString();
  /** Each place's window, how many hires make it a pattern, and how the window is said. */
  const placeRule = {
    address: { since: ago(windowHours * 3_600_000), needed: hiresPerAddress, within: `${windowHours} h` },
    network: { since: ago(windowHours * 3_600_000), needed: hiresPerNetwork, within: `${windowHours} h` },
    rhythm: { since: ago(rhythmMinutes * 60_000), needed: hiresInRhythm, within: `${rhythmMinutes} min` },
    // One router or access point is one household, like one address.
    gateway: { since: ago(windowHours * 3_600_000), needed: hiresPerAddress, within: `${windowHours} h` },
    wifi: { since: ago(windowHours * 3_600_000), needed: hiresPerAddress, within: `${windowHours} h` },
  } as const;
  // One statement for every mark, in key order: two reports of one hire lock their rows alike.
  const hashed = marks
    .map((mark) => ({ mark, hashed: hash(mark.kind, mark.value) }))
    .sort((a, b) => compare(`${a.mark.kind}\u0000${a.hashed}`, `${b.mark.kind}\u0000${b.hashed}`));
  await trx
    .insertInto('farm_marks')
    .values(
      hashed.map(({ mark, hashed: markHash }) => ({
        kind: mark.kind,
        mark: markHash,
        hire_id: hireId,
        shown: mark.shown,
        first_seen_at: now,
        last_seen_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['kind', 'mark', 'hire_id']).doUpdateSet({ last_seen_at: now }))
    .execute();
  const links: HireLink[] = [];
  for (const { mark, hashed: markHash } of hashed) {
    let others = trx
      .selectFrom('farm_marks')
      .innerJoin('hires', 'hires.id', 'farm_marks.hire_id')
      .select(['farm_marks.hire_id', 'hires.offboarded_at'])
      .where('farm_marks.kind', '=', mark.kind)
      .where('farm_marks.mark', '=', markHash)
      .where('farm_marks.hire_id', '!=', hireId);
    const place = PLACE_MARKS.has(mark.kind) ? placeRule[mark.kind as keyof typeof placeRule] : null;
    others = place
      ? others
          .where('farm_marks.last_seen_at', '>=', place.since)
          .orderBy('farm_marks.last_seen_at', 'desc')
          .limit(MOST_HIRES_PER_PLACE)
      : others.limit(MOST_HIRES_PER_DEVICE_ID + 1);
    const found = await others.execute();
    if (place) {
      if (found.length + 1 < place.needed) continue;
      const shown = `${mark.shown}: ${found.length + 1} hires within ${place.within}`;
      links.push(...found.map((o) => ({ otherHireId: o.hire_id, signal: mark.kind, shown })));
    } else if (found.length <= MOST_HIRES_PER_DEVICE_ID) {
      for (const other of found)
        if (!(LAPTOP_MARKS.has(mark.kind) && other.offboarded_at !== null))
          links.push({ otherHireId: other.hire_id, signal: mark.kind, shown: mark.shown });
    }
  }
  await recordLinks(trx, context, hireId, links);
}

/** Link rows written per insert: 5 values each, well under SQLite's and PostgreSQL's bound on parameters. */
const LINK_ROWS_PER_INSERT = 400;

/**
 * Stores links in both directions; those already known are not new. The verified hires newly
 * linked are put back to review by a job of their own (`reviewLinkedHireJob`), not here: this runs
 * inside a report's transaction, which must lock no other hire's rows. When it did, reports from
 * one house (each linking to every hire seen there) waited on each other's locks on the same
 * hires' reports and roster rows, deadlocked, and stalled intake on PostgreSQL.
 * The rows are written in key order, a page per statement, so two reports linking the same pair
 * wait for one another rather than deadlock.
 */
export async function recordLinks(
  trx: Transaction<Database>,
  context: ServerContext,
  hireId: string,
  links: readonly HireLink[],
): Promise<HireLink[]> {
  if (links.length === 0) return [];
  const now = context.now().toISOString();
  // Links already stored are read, not written again: a report from a busy place names the same
  // hires as the last one, and rewriting hundreds of rows only to conflict is most of its cost.
  const known = new Set<string>();
  const others = [...new Set(links.map((l) => l.otherHireId))];
  for (let i = 0; i < others.length; i += LINK_ROWS_PER_INSERT) {
    const stored = await trx
      .selectFrom('hire_links')
      .select(['other_hire_id', 'signal'])
      .where('hire_id', '=', hireId)
      .where('other_hire_id', 'in', others.slice(i, i + LINK_ROWS_PER_INSERT))
      .execute();
    for (const row of stored) known.add(linkKey({ hire_id: hireId, ...row }));
  }
  const rows = links
    .filter((l) => !known.has(linkKey({ hire_id: hireId, other_hire_id: l.otherHireId, signal: l.signal })))
    .flatMap((link) => {
      const evidence = JSON.stringify(LinkEvidence.parse({ shown: link.shown }));
      return [
        { hire_id: hireId, other_hire_id: link.otherHireId, signal: link.signal, evidence, found_at: now },
        { hire_id: link.otherHireId, other_hire_id: hireId, signal: link.signal, evidence, found_at: now },
      ];
    })
    .map((row) => ({ row, key: linkKey(row) }))
    .sort((a, b) => compare(a.key, b.key))
    .map(({ row }) => row);
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += LINK_ROWS_PER_INSERT) {
    const written = await trx
      .insertInto('hire_links')
      .values(rows.slice(i, i + LINK_ROWS_PER_INSERT))
      .onConflict((oc) => oc.columns(['hire_id', 'other_hire_id', 'signal']).doNothing())
      .returning(['hire_id', 'other_hire_id', 'signal'])
      .execute();
    for (const row of written) inserted.add(linkKey(row));
  }
  const fresh = links.filter((l) =>
    inserted.has(linkKey({ hire_id: hireId, other_hire_id: l.otherHireId, signal: l.signal })),
  );
  const byOther = groupBy(fresh, (l) => l.otherHireId);
  // Only a hire standing verified has a pass to take back: one already in review is not asked again.
  const verified =
    byOther.size === 0
      ? []
      : await trx
          .selectFrom('roster')
          .select('hire_id as id')
          .where('hire_id', 'in', [...byOther.keys()])
          .where('standing', '=', 'verified')
          .orderBy('hire_id')
          .execute();
  await context.jobs.enqueueAll(
    REVIEW_LINKED_HIRE,
    verified.map(({ id }) => ({
      payload: {
        hireId: id,
        links: (byOther.get(id) ?? []).map((l) => ({ ...l, otherHireId: hireId })),
      } satisfies ReviewLinkedHire,
      fairKey: id,
    })),
    { db: trx },
  );
  return fresh;
}

/** The job that puts a verified hire back to review for links found after its verification. */
export const REVIEW_LINKED_HIRE = 'farm.review-linked';
const ReviewLinkedHire = z.object({
  hireId: z.string(),
  links: z.array(
    z.object({ otherHireId: z.string(), signal: z.enum([...MarkKind, 'face']), shown: z.string() }),
  ),
});
type ReviewLinkedHire = z.infer<typeof ReviewLinkedHire>;

/** Puts one verified hire back to review, in a transaction of its own: it locks that hire's rows only. */
export const reviewLinkedHireJob: JobHandler = async (job, context) => {
  const { hireId, links } = ReviewLinkedHire.parse(job.payload);
  await context.db.transaction().execute(async (trx) => {
    // HR may have dismissed a link between its finding and this job.
    const dismissed = await dismissedLinks(trx, hireId);
    const standing = links.filter((l) => !dismissed.has(dismissedKey(l.otherHireId, l.signal)));
    if (standing.length > 0) await reviewVerifiedHire(trx, context, hireId, standing);
  });
};

/**
 * The links found for a hire since its previous report (by its marks just now, or by the face
 * search in between): what its new report's verdict must name. Indexed by the hire, like its reports.
 */
export async function linksSinceLastReport(trx: Transaction<Database>, hireId: string): Promise<HireLink[]> {
  const previous = await trx
    .selectFrom('reports')
    .select('received_at')
    .where('hire_id', '=', hireId)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  let query = trx
    .selectFrom('hire_links')
    .select(['other_hire_id', 'signal', 'evidence'])
    .where('hire_id', '=', hireId)
    .where('dismissed_at', 'is', null);
  if (previous) query = query.where('found_at', '>', previous.received_at);
  const rows = await query.orderBy('other_hire_id').orderBy('signal').execute();
  return rows.map((row) => ({
    otherHireId: row.other_hire_id,
    signal: row.signal as FarmSignal,
    shown: LinkEvidence.parse(JSON.parse(row.evidence)).shown,
  }));
}

/** The reasons a report carries for its new links: one per kind of signal, review, never fail. */
export function linkReasons(links: readonly HireLink[]): WeighedReason[] {
  const byCheck = groupBy(links, (l) => FARM_CHECK_OF[l.signal]);
  return [...byCheck].map(([check, found]) => {
    const hires = new Set(found.map((l) => l.otherHireId)).size;
    return {
      check,
      message: `linked to ${hires} other hire(s) by ${[...new Set(found.map((l) => l.shown))].join('; ')}: HR checks whether one person or one house stands behind them`,
      evidence: found.map((l) => ({ signal: l.signal, hire: l.otherHireId, shared: l.shown })),
      weight: 'review',
    };
  });
}

/** The other hires a report's verdict names, for a webhook: ids and signals, not what was shared. */
export function linkedHiresOf(
  reasons: readonly WeighedReason[],
): { hireId: string; check: string; signal: string }[] {
  return reasons.flatMap((reason) =>
    FARM_CHECKS.has(reason.check)
      ? (reason.evidence ?? []).map((row) => ({
          hireId: String(row.hire),
          check: reason.check,
          signal: String(row.signal),
        }))
      : [],
  );
}

/**
 * A link found after a hire was verified puts the hire back to review: its latest report (a pass)
 * becomes review with the link as the reason, audited, and webhooks hear of it.
 */
async function reviewVerifiedHire(
  trx: Transaction<Database>,
  context: ServerContext,
  hireId: string,
  links: readonly HireLink[],
): Promise<void> {
  const hire = await trx
    .selectFrom('hires')
    .select('verified_at')
    .where('id', '=', hireId)
    .executeTakeFirst();
  if (!hire?.verified_at) return;
  const latest = await trx
    .selectFrom('reports')
    .select(['id', 'verdict', 'reasons', 'kind', 'received_at', 'face_status'])
    .where('hire_id', '=', hireId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || latest.verdict !== 'pass' || latest.face_status === 'pending') return;
  const reasons = [...columns.reportReasons.decode(latest.reasons), ...linkReasons(links)];
  await trx
    .updateTable('reports')
    .set({ verdict: 'review', reasons: columns.reportReasons.encode(reasons) })
    .where('id', '=', latest.id)
    .execute();
  await countVerdict(trx, context.dialect, latest.received_at, { from: 'pass', to: 'review' });
  await audit(trx, {
    actor: 'system',
    action: 'hire.linked.review',
    target: hireId,
    hire: hireId,
    detail: {
      reportId: latest.id,
      linkedHires: [...new Set(links.map((l) => l.otherHireId))],
      signals: [...new Set(links.map((l) => l.signal))],
    },
    at: context.now(),
  });
  await finalVerdictJobs(trx, context, latest.id, hireId, latest.kind, 'review');
  await refreshRoster(trx, context.dialect, hireId);
}

const linkKey = (row: { hire_id: string; other_hire_id: string; signal: string }) =>
  `${row.hire_id}\u0000${row.other_hire_id}\u0000${row.signal}`;
/** Code-unit order, the same on every server: the order rows are locked in. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
