import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { verdictCounts } from '../db/verdict-counts';
import { dayRange, verdictSeries } from './verdict-stats';

/** Reports received per UTC day by their current verdict: the dashboard's chart, from daily counts. */
export function statsRoutes(app: FastifyInstance, context: ServerContext): void {
  const { verdictStats } = hrApi;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      verdictStats.path,
      { schema: { querystring: verdictStats.query, response: { 200: verdictStats.response } } },
      async (request) => {
        const actor = requireAdmin(request);
        const days = dayRange(context.now(), request.query.days);
        const counts = await verdictCounts(context.db, days[0] ?? '');
        await context.auditRead({
          actor,
          action: 'stats.verdicts',
          target: '*',
          hire: null,
          at: context.now(),
        });
        return { from: days[0] ?? '', to: days.at(-1) ?? '', days: verdictSeries(days, counts) };
      },
    );
}
