import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BiometricWithdrawal, PrivacyTerms } from '../../main/contract/protocol';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/admin-auth';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { authenticateDevice } from '../devices/device-auth';
import { ApiFailure } from '../http/api-failure';
import { deleteBiometrics } from './delete-biometrics';
import { reclaimDeleted } from './reclaim';

const ById = { params: z.object({ id: z.uuid() }) };

/**
 * What the consent screen states (public: the app asks before it enrols), and the withdrawal of
 * biometric consent, by the hire from the app or by HR: the hire's biometric data is deleted, face
 * template included, and from then on the hire is checked by a person instead of the camera.
 */
export function privacyRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/v1/privacy', (): PrivacyTerms => {
    const { retentionDays, unverifiedRetentionDays } = context.policy;
    return { retentionDays, unverifiedRetentionDays };
  });

  const withdraw = async (hireId: string, actor: Actor): Promise<BiometricWithdrawal> => {
    const now = context.now();
    const answer = await db.transaction().execute(async (trx) => {
      const hire = await trx
        .selectFrom('hires')
        .select('biometric_withdrawn_at')
        .where('id', '=', hireId)
        .executeTakeFirst();
      if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
      // A second withdrawal changes nothing, but says when the first one happened.
      if (hire.biometric_withdrawn_at) return { withdrawnAt: hire.biometric_withdrawn_at };
      await deleteBiometrics(trx, hireId, { template: true, at: now });
      await trx
        .updateTable('hires')
        .set({ biometric_withdrawn_at: now.toISOString() })
        .where('id', '=', hireId)
        .execute();
      await audit(trx, { actor, action: 'hire.biometric-consent.withdrawn', target: hireId, at: now });
      return { withdrawnAt: now.toISOString() };
    });
    await reclaimDeleted(context);
    return answer;
  };

  api.post(
    '/v1/devices/:id/biometric-consent/withdrawal',
    { schema: { ...ById, body: z.object({}).strict() } },
    async (request) => {
      const device = await authenticateDevice(request, context);
      if (device.id !== request.params.id)
        throw new ApiFailure(403, 'device.not-yours', 'a device may withdraw only its own hire’s consent');
      return withdraw(device.hireId, `device:${device.id}`);
    },
  );

  api.post('/v1/hires/:id/biometric-consent/withdrawal', { schema: ById }, async (request) => {
    const actor = await requireAdmin(db, request, context.now());
    return withdraw(request.params.id, actor);
  });
}
