import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { audit } from './audit';

const AUDIT_PAGE = 200;

/** Who viewed or changed a hire and its reports, newest first: the trail HR answers questions with. */
export function auditRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/v1/hires/:id/audit', { schema: { params: z.object({ id: z.uuid() }) } }, async (request) => {
      const actor = await requireAdmin(db, request, context.now());
      const hire = await db
        .selectFrom('hires')
        .select('id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
      const reports = await db.selectFrom('reports').select('id').where('hire_id', '=', hire.id).execute();
      // Reading the trail is itself on the trail, and shows as its newest entry.
      await audit(db, { actor, action: 'audit.view', target: hire.id, at: context.now() });
      const entries = await db
        .selectFrom('audit_log')
        .select(['id', 'at', 'actor', 'action', 'target', 'detail'])
        .where('target', 'in', [hire.id, ...reports.map((r) => r.id)])
        .orderBy('id', 'desc')
        .limit(AUDIT_PAGE)
        .execute();
      return {
        hireId: hire.id,
        entries: entries.map((e) => ({
          at: e.at,
          actor: e.actor,
          action: e.action,
          target: e.target,
          detail: z.record(z.string(), z.unknown()).parse(JSON.parse(e.detail)),
        })),
      };
    });
}
