import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import type { ServerContext } from '../context';
import { requireAdmin } from './admin-auth';
import { assignRole, listPeople } from './people';

/** The roles HR assigned to people by email, listed and changed from the dashboard (audited). */
export function peopleRoutes(app: FastifyInstance, context: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { people, assignRole: assign } = hrApi;
  api.get(people.path, { schema: { response: { 200: people.response } } }, async (request) => {
    const actor = requireAdmin(request);
    const rows = await listPeople(context.db);
    await context.auditRead({ actor, action: 'role.list', target: '*', hire: null, at: context.now() });
    return { people: rows.map((r) => ({ email: r.email, role: r.role, assignedAt: r.assigned_at })) };
  });
  api.post(
    assign.path,
    { schema: { body: assign.body, response: { 200: assign.response } } },
    async (request) => {
      const actor = requireAdmin(request);
      const email = await assignRole(context.db, request.body.email, request.body.role, context.now(), actor);
      return { email, role: request.body.role };
    },
  );
}
