import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deviceApi } from '../../main/contract/device-api';
import { hrApi, type BiometricWithdrawal } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/admin-auth';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { authenticateDevice } from '../devices/device-auth';
import { ApiFailure } from '../http/api-failure';
import { deleteBiometrics } from './delete-biometrics';
import { reclaimDeleted } from './reclaim';

/**
 * What the consent screen states (public: the app asks before it enrols), and the withdrawal of
 * biometric consent, by the hire from the app or by HR: the hire's biometric data is deleted, face
 * template included, and from then on the hire is checked by a person instead of the camera.
 */
export function privacyRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const { privacy, withdrawBiometricConsent: deviceWithdrawal } = deviceApi;
  api.get(privacy.path, { schema: { response: { 200: privacy.response } } }, () => {
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
      await audit(trx, {
        actor,
        action: 'hire.biometric-consent.withdrawn',
        target: hireId,
        hire: hireId,
        at: now,
      });
      return { withdrawnAt: now.toISOString() };
    });
    await reclaimDeleted(context);
    return answer;
  };

  api.post(
    deviceWithdrawal.path,
    {
      schema: {
        params: deviceWithdrawal.params,
        body: deviceWithdrawal.body,
        response: { 200: deviceWithdrawal.response },
      },
    },
    async (request) => {
      const device = await authenticateDevice(request, context);
      if (device.id !== request.params.id)
        throw new ApiFailure(403, 'device.not-yours', 'a device may withdraw only its own hire’s consent');
      return withdraw(device.hireId, `device:${device.id}`);
    },
  );

  const { withdrawBiometricConsent: hrWithdrawal } = hrApi;
  api.post(
    hrWithdrawal.path,
    { schema: { params: hrWithdrawal.params, response: { 200: hrWithdrawal.response } } },
    async (request) => {
      const actor = requireAdmin(request);
      return withdraw(request.params.id, actor);
    },
  );
}
