import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { finalVerdictJobs } from './final-verdict';

const Review = z
  .object({ decision: z.enum(['pass', 'fail']), note: z.string().trim().min(1).max(2000) })
  .strict();

/** HR settles a report that needed a human: approve or reject, with a note, audited. */
export function reviewRoutes(app: FastifyInstance, context: ServerContext): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/v1/reports/:id/review',
      { schema: { params: z.object({ id: z.uuid() }), body: Review } },
      async (request) => {
        const actor = await requireAdmin(context.db, request, context.now());
        const report = await context.db
          .selectFrom('reports')
          .select(['id', 'hire_id', 'verdict', 'kind', 'refusal'])
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!report) throw new ApiFailure(404, 'report.unknown', 'no such report');
        if (report.verdict !== 'review')
          throw new ApiFailure(
            409,
            'report.not-in-review',
            `the report's verdict is ${report.verdict}, not review`,
          );
        const { decision, note } = request.body;
        await context.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('reports')
            .set({ verdict: decision, reviewed_by: actor, review_note: note })
            .where('id', '=', report.id)
            .execute();
          await audit(trx, {
            actor,
            action: `report.review.${decision}`,
            target: report.id,
            detail: { note },
            at: context.now(),
          });
          // A refused report never verifies a hire, whatever HR settles it as.
          const kind = report.refusal ? 'device-check' : report.kind;
          await finalVerdictJobs(trx, context, report.id, report.hire_id, kind, decision);
        });
        return { reportId: report.id, verdict: decision };
      },
    );
}
