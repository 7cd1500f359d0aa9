import type { FastifyInstance } from 'fastify';
import type { ExpressionBuilder, Transaction } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { refreshRoster } from '../db/roster';
import type { Database } from '../db/schema';
import { countVerdict } from '../db/verdict-counts';
import { ApiFailure } from '../http/api-failure';
import { verdictOfReasons } from '../reports/decide-verdict';
import { finalVerdictJobs } from '../reports/final-verdict';
import { FARM_CHECKS } from './farm-signal';

/** A link of one hire as the dismissed set keys it: the other hire and the signal. */
export const dismissedKey = (otherHireId: string, signal: string) => `${otherHireId}\u0000${signal}`;

/**
 * The hire's links HR dismissed (other hire and signal): they put it in review no more. A signal
 * found between the two after the dismissal is a new link, and does.
 */
export async function dismissedLinks(trx: Transaction<Database>, hireId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('hire_links')
    .select(['other_hire_id', 'signal'])
    .where('hire_id', '=', hireId)
    .where('dismissed_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => dismissedKey(r.other_hire_id, r.signal)));
}

/**
 * A hire whose latest report is in review for dismissed links alone gets the verdict its other
 * reasons give (the link's reason stays on the report, weighed pass, saying who dismissed it and
 * why); webhooks hear of it, and a pass of a check-in verifies the hire again. A report HR already
 * reviewed, refused, or still waiting on the face re-check is left as it is. Returns its id if settled.
 */
async function settleDismissed(
  trx: Transaction<Database>,
  context: ServerContext,
  hireId: string,
  dismissal: { by: string; reason: string },
): Promise<string | null> {
  const latest = await trx
    .selectFrom('reports')
    .select(['id', 'verdict', 'reasons', 'kind', 'received_at', 'face_status', 'reviewed_by', 'refusal'])
    .where('hire_id', '=', hireId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || latest.verdict !== 'review' || latest.reviewed_by || latest.refusal) return null;
  if (latest.face_status === 'pending') return null;
  const dismissed = await dismissedLinks(trx, hireId);
  const reasons = columns.reportReasons.decode(latest.reasons).map((reason) =>
    FARM_CHECKS.has(reason.check) &&
    reason.weight === 'review' &&
    (reason.evidence ?? []).every((row) => dismissed.has(dismissedKey(String(row.hire), String(row.signal))))
      ? {
          ...reason,
          weight: 'pass' as const,
          message: `${reason.message} (dismissed by ${dismissal.by}: ${dismissal.reason})`,
        }
      : reason,
  );
  const verdict = verdictOfReasons(reasons);
  if (verdict === 'review') return null;
  await trx
    .updateTable('reports')
    .set({ verdict, reasons: columns.reportReasons.encode(reasons) })
    .where('id', '=', latest.id)
    .execute();
  await countVerdict(trx, context.dialect, latest.received_at, { from: 'review', to: verdict });
  await finalVerdictJobs(trx, context, latest.id, hireId, latest.kind, verdict);
  await refreshRoster(trx, context.dialect, hireId);
  return latest.id;
}

/**
 * HR settles a link (flatmates, a known family, one office): dismissed with a reason, on both
 * hires' trails. Every signal between the two is dismissed; the rows stay, so the same evidence is
 * never raised again, while a new kind of signal between them is.
 */
export function dismissLinkRoutes(app: FastifyInstance, context: ServerContext): void {
  const { dismissLink } = hrApi;
  app.withTypeProvider<ZodTypeProvider>().post(
    dismissLink.path,
    {
      schema: {
        params: dismissLink.params,
        body: dismissLink.body,
        response: { 200: dismissLink.response },
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const { id, otherId } = request.params;
      const { reason } = request.body;
      const at = context.now().toISOString();
      return context.db.transaction().execute(async (trx) => {
        const pair = (eb: ExpressionBuilder<Database, 'hire_links'>) =>
          eb.or([
            eb.and([eb('hire_id', '=', id), eb('other_hire_id', '=', otherId)]),
            eb.and([eb('hire_id', '=', otherId), eb('other_hire_id', '=', id)]),
          ]);
        const dismissed = await trx
          .updateTable('hire_links')
          .set({ dismissed_at: at, dismissed_by: actor, dismissal_reason: reason })
          .where(pair)
          .where('dismissed_at', 'is', null)
          .returning(['hire_id', 'signal'])
          .execute();
        if (dismissed.length === 0) {
          const known = await trx.selectFrom('hire_links').select('signal').where(pair).executeTakeFirst();
          throw known
            ? new ApiFailure(409, 'link.dismissed', 'this link was already dismissed')
            : new ApiFailure(404, 'link.unknown', 'these two hires are not linked');
        }
        const signals = [...new Set(dismissed.map((d) => d.signal))].sort();
        for (const [hire, other] of [
          [id, otherId],
          [otherId, id],
        ] as const)
          await audit(trx, {
            actor,
            action: 'hire.link.dismiss',
            target: hire,
            hire,
            detail: { otherHireId: other, signals, reason },
            at: context.now(),
          });
        const settledReports: string[] = [];
        for (const hire of [id, otherId].sort()) {
          const settled = await settleDismissed(trx, context, hire, { by: actor, reason });
          if (settled) settledReports.push(settled);
        }
        return { hireId: id, otherHireId: otherId, dismissal: { at, by: actor, reason }, settledReports };
      });
    },
  );
}
