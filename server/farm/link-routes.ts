import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi, type LinkDismissal, type LinkedHire } from '../../main/contract/hr-api';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { statusOf } from '../db/hire-queries';
import { ApiFailure } from '../http/api-failure';
import { FARM_CHECK_OF, type FarmSignal } from './farm-signal';
import { LinkEvidence } from './link-hires';

/** How many links the company-wide list shows: the newest, the ones HR has not looked at yet. */
const NEWEST_LINKS = 100;

const checkOf = (signal: string): LinkedHire['check'] =>
  FARM_CHECK_OF[signal as FarmSignal] ?? 'farm.same-hardware';

/** Who dismissed a link, when and why; null while it stands. */
const dismissalOf = (row: {
  dismissed_at: string | null;
  dismissed_by: string | null;
  dismissal_reason: string | null;
}): LinkDismissal | null =>
  row.dismissed_at
    ? { at: row.dismissed_at, by: row.dismissed_by ?? '', reason: row.dismissal_reason ?? '' }
    : null;

/** HR's view of linked hires: a hire's links with what was shared, and the newest across the company (audited). */
export function linkRoutes(app: FastifyInstance, context: ServerContext): void {
  const { hireLinks, links } = hrApi;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    hireLinks.path,
    { schema: { params: hireLinks.params, response: { 200: hireLinks.response } } },
    async (request) => {
      const actor = requireAdmin(request);
      const hireId = request.params.id;
      const hire = await context.db
        .selectFrom('hires')
        .select('id')
        .where('id', '=', hireId)
        .executeTakeFirst();
      if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
      const rows = await context.db
        .selectFrom('hire_links')
        .innerJoin('roster', 'roster.hire_id', 'hire_links.other_hire_id')
        .select([
          'hire_links.other_hire_id',
          'hire_links.signal',
          'hire_links.evidence',
          'hire_links.found_at',
          'hire_links.dismissed_at',
          'hire_links.dismissed_by',
          'hire_links.dismissal_reason',
          'roster.name',
          'roster.email',
          'roster.standing',
          'roster.due_at',
        ])
        .where('hire_links.hire_id', '=', hireId)
        .orderBy('hire_links.found_at', 'desc')
        .orderBy('hire_links.other_hire_id')
        .orderBy('hire_links.signal')
        .execute();
      await context.auditRead({
        actor,
        action: 'hire.links.view',
        target: hireId,
        hire: hireId,
        at: context.now(),
      });
      const now = context.now();
      return {
        hireId,
        links: rows.map((row) => ({
          hireId: row.other_hire_id,
          name: row.name,
          email: row.email,
          status: statusOf(row, now),
          check: checkOf(row.signal),
          signal: row.signal,
          shared: LinkEvidence.parse(JSON.parse(row.evidence)).shown,
          foundAt: row.found_at,
          dismissal: dismissalOf(row),
        })),
      };
    },
  );
  typed.get(links.path, { schema: { response: { 200: links.response } } }, async (request) => {
    const actor = requireAdmin(request);
    // Each link is stored once per direction: the list shows one of the two.
    const rows = await context.db
      .selectFrom('hire_links')
      .innerJoin('roster as from', 'from.hire_id', 'hire_links.hire_id')
      .innerJoin('roster as to', 'to.hire_id', 'hire_links.other_hire_id')
      .select([
        'hire_links.hire_id',
        'hire_links.other_hire_id',
        'hire_links.signal',
        'hire_links.evidence',
        'hire_links.found_at',
        'hire_links.dismissed_at',
        'hire_links.dismissed_by',
        'hire_links.dismissal_reason',
        'from.name as from_name',
        'to.name',
        'to.email',
      ])
      .where((eb) => eb('hire_links.hire_id', '>', eb.ref('hire_links.other_hire_id')))
      .orderBy('hire_links.found_at', 'desc')
      .orderBy('hire_links.hire_id')
      .orderBy('hire_links.other_hire_id')
      .limit(NEWEST_LINKS)
      .execute();
    await context.auditRead({ actor, action: 'links.view', target: 'links', hire: null, at: context.now() });
    return {
      links: rows.map((row) => ({
        fromHireId: row.hire_id,
        fromName: row.from_name,
        hireId: row.other_hire_id,
        name: row.name,
        email: row.email,
        check: checkOf(row.signal),
        signal: row.signal,
        shared: LinkEvidence.parse(JSON.parse(row.evidence)).shown,
        foundAt: row.found_at,
        dismissal: dismissalOf(row),
      })),
    };
  });
}
