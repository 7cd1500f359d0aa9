import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { dayRange, verdictSeries } from './verdict-stats';

const StatsQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }).strict();

/** Reports received per UTC day by their current verdict: the dashboard's chart. */
export function statsRoutes(app: FastifyInstance, context: ServerContext): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/v1/stats/verdicts', { schema: { querystring: StatsQuery } }, async (request) => {
      const actor = await requireAdmin(context.db, request, context.now());
      const days = dayRange(context.now(), request.query.days);
      // Times are ISO-8601 text, so the day is the first ten characters on SQLite and PostgreSQL alike.
      const day = sql<string>`substr(received_at, 1, 10)`;
      const rows = await context.db
        .selectFrom('reports')
        .select([day.as('day'), 'verdict', (eb) => eb.fn.countAll<string | number>().as('count')])
        .where('received_at', '>=', `${days[0]}T00:00:00.000Z`)
        .groupBy([day, 'verdict'])
        .execute();
      await audit(context.db, { actor, action: 'stats.verdicts', target: '*', at: context.now() });
      return {
        from: days[0],
        to: days.at(-1),
        days: verdictSeries(
          days,
          rows.map((r) => ({ day: r.day, verdict: r.verdict, count: Number(r.count) })),
        ),
      };
    });
}
