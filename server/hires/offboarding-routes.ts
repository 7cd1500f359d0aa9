import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { deleteBiometrics } from '../privacy/delete-biometrics';
import { reclaimDeleted } from '../privacy/reclaim';
import { refreshRoster } from '../db/roster';
import { revokeDevices } from '../devices/revoke-devices';
import { voidQueuedInvitations } from '../mail/mail-queries';

/**
 * HR offboards a hire who left: the face template (kept only to match later re-attestations) and
 * any biometric data still held are deleted, and the hire's devices are revoked (their signed
 * requests refused), unused codes and waiting invitations voided. The
 * reports stay as the record of what was checked, until the hire is erased.
 */
export function offboardingRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const { offboard } = hrApi;
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      offboard.path,
      { schema: { params: offboard.params, response: { 200: offboard.response } } },
      async (request) => {
        const actor = requireAdmin(request);
        const now = context.now();
        const offboardedAt = await db.transaction().execute(async (trx) => {
          const hire = await trx
            .selectFrom('hires')
            .select('offboarded_at')
            .where('id', '=', request.params.id)
            .executeTakeFirst();
          if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
          if (hire.offboarded_at) return hire.offboarded_at;
          await deleteBiometrics(trx, request.params.id, { template: true, at: now });
          // No device of a hire who left signs anything, no code of theirs enrols, no invitation goes.
          await revokeDevices(trx, request.params.id, now);
          await trx
            .updateTable('enrolment_codes')
            .set({ voided_at: now.toISOString() })
            .where('hire_id', '=', request.params.id)
            .where('used_at', 'is', null)
            .where('voided_at', 'is', null)
            .execute();
          await voidQueuedInvitations(trx, request.params.id, now);
          await trx
            .updateTable('hires')
            .set({ offboarded_at: now.toISOString() })
            .where('id', '=', request.params.id)
            .execute();
          await refreshRoster(trx, context.dialect, request.params.id);
          await audit(trx, {
            actor,
            action: 'hire.offboard',
            target: request.params.id,
            hire: request.params.id,
            at: now,
          });
          return now.toISOString();
        });
        await reclaimDeleted(context);
        return { hireId: request.params.id, offboardedAt };
      },
    );
}
