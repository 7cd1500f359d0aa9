import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { auditPage } from '../db/audit-queries';
import { ApiFailure } from '../http/api-failure';

/** Who viewed or changed a hire and its reports, newest first: the trail HR answers questions with. */
export function auditRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const { audit } = hrApi;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      audit.path,
      { schema: { params: audit.params, querystring: audit.query, response: { 200: audit.response } } },
      async (request) => {
        const actor = requireAdmin(request);
        const hireId = request.params.id;
        const hire = await db
          .selectFrom('roster')
          .select('hire_id')
          .where('hire_id', '=', hireId)
          .executeTakeFirst();
        if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
        // Reading the trail is itself on the trail, and shows as its newest entry.
        await context.auditRead({
          actor,
          action: 'audit.view',
          target: hireId,
          hire: hireId,
          at: context.now(),
        });
        return { hireId, ...(await auditPage(db, hireId, request.query)) };
      },
    );
}
