import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { reclaimDeleted } from '../privacy/reclaim';
import { removeFromRoster } from '../db/roster';
import { countVerdict } from '../db/verdict-counts';

/**
 * HR erases a hire (a data subject's request, or the end of the retention of the record): every
 * row of the hire goes (the hire, its codes, devices, challenges, reports, their jobs and webhook
 * deliveries) and the audit trail about it keeps who did what and when, with its details emptied
 * (review notes and refusal reasons can name the person). The erasure itself is audited with counts.
 */
export function erasureRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const { eraseHire } = hrApi;
  app
    .withTypeProvider<ZodTypeProvider>()
    .delete(
      eraseHire.path,
      { schema: { params: eraseHire.params, response: { 200: eraseHire.response } } },
      async (request) => {
        const actor = requireAdmin(request);
        const hireId = request.params.id;
        const erased = await db.transaction().execute(async (trx) => {
          const hire = await trx.selectFrom('hires').select('id').where('id', '=', hireId).executeTakeFirst();
          if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
          const devices = (
            await trx.selectFrom('devices').select('id').where('hire_id', '=', hireId).execute()
          ).map((d) => d.id);
          const stored = await trx
            .selectFrom('reports')
            .select(['id', 'received_at', 'verdict'])
            .where('hire_id', '=', hireId)
            .execute();
          const reports = stored.map((r) => r.id);
          for (const report of stored)
            await countVerdict(trx, context.dialect, report.received_at, { from: report.verdict, to: null });
          for (const reportId of reports) {
            await trx.deleteFrom('webhook_deliveries').where('report_id', '=', reportId).execute();
            // Jobs name their report in their JSON payload (face re-checks, webhook deliveries).
            await trx.deleteFrom('jobs').where('payload', 'like', `%"reportId":"${reportId}"%`).execute();
          }
          await trx.deleteFrom('reports').where('hire_id', '=', hireId).execute();
          if (devices.length > 0) await trx.deleteFrom('nonces').where('device_id', 'in', devices).execute();
          await trx.deleteFrom('devices').where('hire_id', '=', hireId).execute();
          // Farm signals: what the hire's reports showed, and every link to or from the hire.
          await trx.deleteFrom('farm_marks').where('hire_id', '=', hireId).execute();
          await trx
            .deleteFrom('hire_links')
            .where((eb) => eb.or([eb('hire_id', '=', hireId), eb('other_hire_id', '=', hireId)]))
            .execute();
          await trx.deleteFrom('enrolment_codes').where('hire_id', '=', hireId).execute();
          await trx.deleteFrom('mail_deliveries').where('hire_id', '=', hireId).execute();
          await removeFromRoster(trx, context.dialect, hireId);
          await trx.deleteFrom('hires').where('id', '=', hireId).execute();
          await trx
            .updateTable('audit_log')
            .set({ detail: '{}' })
            .where('target', 'in', [hireId, ...reports])
            .execute();
          const counts = { devices: devices.length, reports: reports.length };
          await audit(trx, {
            actor,
            action: 'hire.erase',
            target: hireId,
            hire: null,
            detail: counts,
            at: context.now(),
          });
          return counts;
        });
        await reclaimDeleted(context);
        return { hireId, erased };
      },
    );
}
