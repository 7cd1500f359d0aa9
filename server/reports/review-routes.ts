import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { refreshRoster } from '../db/roster';
import { countVerdict } from '../db/verdict-counts';
import { ApiFailure } from '../http/api-failure';
import { finalVerdictJobs } from './final-verdict';

/** HR settles a report that needed a human: approve or reject, with a note, audited. */
export function reviewRoutes(app: FastifyInstance, context: ServerContext): void {
  const { review } = hrApi;
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      review.path,
      { schema: { params: review.params, body: review.body, response: { 200: review.response } } },
      async (request) => {
        const actor = requireAdmin(request);
        const report = await context.db
          .selectFrom('reports')
          .select(['id', 'hire_id', 'verdict', 'kind', 'refusal', 'received_at', 'face_status'])
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!report) throw new ApiFailure(404, 'report.unknown', 'no such report');
        if (report.verdict !== 'review')
          throw new ApiFailure(
            409,
            'report.not-in-review',
            `the report's verdict is ${report.verdict}, not review`,
          );
        // The server's face verdict may still fail it; HR decides once that is in.
        if (report.face_status === 'pending')
          throw new ApiFailure(
            409,
            'report.face-pending',
            'the server is still re-checking this report’s face frames; review it once that ends',
          );
        const { decision, note } = request.body;
        await context.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('reports')
            .set({ verdict: decision, reviewed_by: actor, review_note: note })
            .where('id', '=', report.id)
            .execute();
          await countVerdict(trx, context.dialect, report.received_at, {
            from: report.verdict,
            to: decision,
          });
          await audit(trx, {
            actor,
            action: `report.review.${decision}`,
            target: report.id,
            hire: report.hire_id,
            detail: { note },
            at: context.now(),
          });
          // A refused report never verifies a hire, whatever HR settles it as.
          const kind = report.refusal ? 'device-check' : report.kind;
          await finalVerdictJobs(trx, context, report.id, report.hire_id, kind, decision);
          await refreshRoster(trx, context.dialect, report.hire_id);
        });
        return { reportId: report.id, verdict: decision };
      },
    );
}
