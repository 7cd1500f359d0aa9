import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { calculateJwkThumbprint } from 'jose';
import { deviceApi } from '../../main/contract/device-api';
import { hashSecret } from '../auth/secrets';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { refreshRoster } from '../db/roster';
import { ApiFailure } from '../http/api-failure';
import { challengeTerms } from './challenge-terms';
import { authenticateDevice } from './device-auth';

const NONCE_TTL_MS = 5 * 60_000;

/** Device endpoints: a device proves itself by its key (enrolment binds it; reports are signed). */
export function deviceRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const { enrol, challenge, schedule } = deviceApi;
  api.post(
    enrol.path,
    {
      schema: { body: enrol.body, response: { 201: enrol.response } },
    },
    async (request, reply) => {
      const now = context.now();
      const { code, publicKey, client, identity, observedFrom } = request.body;
      if (observedFrom === 'fixture' && !context.demo)
        throw new ApiFailure(
          422,
          'observations.fixture',
          'this identity was read from a fixture machine (--sysroot); this server accepts only live devices (fixtures are for a server started with --demo)',
        );
      const thumbprint = await calculateJwkThumbprint(publicKey, 'sha256');
      const deviceId = crypto.randomUUID();
      const hire = await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('enrolment_codes')
          .selectAll()
          .where('code_hash', '=', hashSecret(code))
          .executeTakeFirst();
        if (!row) throw new ApiFailure(404, 'code.unknown', 'no such enrolment code');
        if (row.used_at) throw new ApiFailure(410, 'code.used', 'this enrolment code was already used');
        if (row.voided_at)
          throw new ApiFailure(
            410,
            'code.voided',
            'HR issued a newer enrolment code: use the one in the latest invitation',
          );
        if (row.expires_at <= now.toISOString())
          throw new ApiFailure(410, 'code.expired', 'this enrolment code has expired; ask HR for a new one');
        if (row.purpose === 'device-check' && client !== 'cli')
          throw new ApiFailure(
            403,
            'code.device-check-only',
            'this code enrols the headless command (hireproof enrol) for device checks, not the app',
          );
        const taken = await trx
          .selectFrom('devices')
          .select('id')
          .where('key_thumbprint', '=', thumbprint)
          .executeTakeFirst();
        if (taken) throw new ApiFailure(409, 'device.key-reused', 'this device key is already enrolled');
        const used = await trx
          .updateTable('enrolment_codes')
          .set({ used_at: now.toISOString() })
          .where('code_hash', '=', row.code_hash)
          .where('used_at', 'is', null)
          .where('voided_at', 'is', null)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1)
          throw new ApiFailure(410, 'code.used', 'this enrolment code was already used');
        await trx
          .insertInto('devices')
          .values({
            id: deviceId,
            hire_id: row.hire_id,
            public_jwk: columns.devicePublicJwk.encode(publicKey),
            key_thumbprint: thumbprint,
            identity: columns.deviceIdentity.encode(identity.claims),
            fingerprint: identity.fingerprint,
            enrolled_at: now.toISOString(),
            next_due_at: now.toISOString(),
            last_report_at: null,
            client,
          })
          .execute();
        await refreshRoster(trx, context.dialect, row.hire_id);
        return trx.selectFrom('hires').select('name').where('id', '=', row.hire_id).executeTakeFirstOrThrow();
      });
      // No face template: the server alone matches faces, whoever holds the enrolment code.
      return reply.status(201).send({ deviceId, hire: { name: hire.name }, policy: context.policy.device });
    },
  );

  api.post(
    challenge.path,
    {
      schema: { body: challenge.body, response: { 201: challenge.response } },
    },
    async (request, reply) => {
      const device = await authenticateDevice(request, context);
      const now = context.now();
      const hire = await db
        .selectFrom('hires')
        .select(['verified_at', 'biometric_withdrawn_at', 'offboarded_at'])
        .where('id', '=', device.hireId)
        .executeTakeFirstOrThrow();
      if (hire.offboarded_at)
        throw new ApiFailure(
          410,
          'hire.offboarded',
          'HR offboarded this hire: the device has nothing to report',
        );
      const terms = challengeTerms({
        client: device.client,
        hireVerified: hire.verified_at !== null,
        biometricWithdrawn: hire.biometric_withdrawn_at !== null,
        nextDueAt: device.nextDueAt,
        now,
        policy: context.policy,
        random: context.random,
      });
      const nonce = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + NONCE_TTL_MS).toISOString();
      await db
        .insertInto('nonces')
        .values({
          nonce,
          device_id: device.id,
          expires_at: expiresAt,
          used_at: null,
          kind: terms.kind,
          evidence: columns.nonceEvidence.encode(terms.evidence),
        })
        .execute();
      return reply.status(201).send({ nonce, expiresAt, ...terms, policy: context.policy.device });
    },
  );

  api.get(
    schedule.path,
    { schema: { params: schedule.params, response: { 200: schedule.response } } },
    async (request) => {
      const signed = await authenticateDevice(request, context);
      if (signed.id !== request.params.id)
        throw new ApiFailure(403, 'device.not-yours', 'a device may read only its own schedule');
      const device = await db
        .selectFrom('devices')
        .innerJoin('hires', 'hires.id', 'devices.hire_id')
        .select([
          'devices.id',
          'devices.next_due_at',
          'devices.last_report_at',
          'hires.biometric_withdrawn_at',
        ])
        .where('devices.id', '=', request.params.id)
        .executeTakeFirst();
      if (!device) throw new ApiFailure(404, 'device.unknown', 'no such device');
      return {
        deviceId: device.id,
        nextDueAt: device.next_due_at,
        everyDays: context.policy.reattestEveryDays,
        overdue: device.next_due_at < context.now().toISOString(),
        lastReportAt: device.last_report_at,
        biometricConsentWithdrawn: device.biometric_withdrawn_at !== null,
      };
    },
  );
}
