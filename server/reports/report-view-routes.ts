import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { reportDetail } from '../db/report-queries';
import { ApiFailure } from '../http/api-failure';

/** One report with every check and its evidence: what HR opens from a hire's timeline (audited). */
export function reportViewRoutes(app: FastifyInstance, context: ServerContext): void {
  const { report } = hrApi;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      report.path,
      { schema: { params: report.params, response: { 200: report.response } } },
      async (request) => {
        const actor = requireAdmin(request);
        const detail = await reportDetail(context.db, request.params.id);
        if (!detail) throw new ApiFailure(404, 'report.unknown', 'no such report');
        await context.auditRead({
          actor,
          action: 'report.view',
          target: detail.id,
          hire: detail.hireId,
          at: context.now(),
        });
        return detail;
      },
    );
}
