import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FaceRejection } from '../../main/contract/face-quality';
import { hrApi, PAGE_SIZE } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { hireDetail, hirePage, statusCounts } from '../db/hire-queries';
import { reportPage } from '../db/report-queries';
import { addToRoster, refreshRoster } from '../db/roster';
import { revokeDevices } from '../devices/revoke-devices';
import { ApiFailure } from '../http/api-failure';
import { newEnrolmentCode } from './enrolment-code';
import { issueHireCode } from './issue-code';
import { decodeIdPhoto } from './id-photo';

const FACE_REFUSALS: Record<FaceRejection, string> = {
  'no-face': 'id-photo.no-face',
  'several-faces': 'id-photo.several-faces',
  'too-small': 'id-photo.face-too-small',
  // The gate calls a side-on head `profile`; the API has always said `turned-head`.
  profile: 'id-photo.turned-head',
};

const unknownHire = () => new ApiFailure(404, 'hire.unknown', 'no such hire');

export function hireRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The ID photo's face, or the 422 that says why it cannot be enrolled. */
  const readIdPhoto = async (photo: Uint8Array) => {
    const reading = await context.faces.descriptorOf(photo).catch((error: Error) => {
      throw new ApiFailure(422, 'id-photo.unreadable', `the ID photo cannot be read: ${error.message}`);
    });
    if (!reading.usable) {
      throw new ApiFailure(
        422,
        FACE_REFUSALS[reading.reason],
        `the ID photo needs exactly one clear, frontal face: ${reading.detail}`,
      );
    }
    return reading;
  };

  /** A second hire with the HR system's employee id of one already here: a 409, not a database error. */
  const refuseTakenExternalId = async (externalId: string | undefined) => {
    if (!externalId) return;
    const taken = await db
      .selectFrom('hires')
      .select('id')
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    if (taken)
      throw new ApiFailure(409, 'hire.external-id-taken', `another hire has the employee id ${externalId}`);
  };

  const { createHire } = hrApi;
  api.post(
    createHire.path,
    { schema: { body: createHire.body, response: { 201: createHire.response } } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const { name, email, expectedDevice, externalId, invite } = request.body;
      await refuseTakenExternalId(externalId);
      const photo = decodeIdPhoto(request.body.idPhoto);
      const reading = await readIdPhoto(photo);
      const now = context.now();
      const id = crypto.randomUUID();
      const issued = await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('hires')
          .values({
            id,
            name,
            email,
            expected_serial: expectedDevice?.serial ?? null,
            expected_asset_tag: expectedDevice?.assetTag ?? null,
            id_photo: context.seal.seal(photo),
            face_template: context.seal.seal(Buffer.from(columns.hireFaceTemplate.encode(reading))),
            face_status: 'ready',
            created_at: now.toISOString(),
            verified_at: null,
            photos_deleted_at: null,
            external_id: externalId ?? null,
          })
          .execute();
        await addToRoster(trx, context.dialect, {
          id,
          name,
          email,
          expectedSerial: expectedDevice?.serial ?? null,
          externalId: externalId ?? null,
          createdAt: now.toISOString(),
        });
        // Invited by email whenever the service can send mail, unless HR says not to.
        const code = await issueHireCode(trx, context, { id, email }, invite ?? context.mail !== null);
        await audit(trx, {
          actor,
          action: 'hire.create',
          target: id,
          hire: id,
          detail: code.invitation ? { invitation: code.invitation.id } : {},
          at: now,
        });
        if (context.farmMarks)
          await context.jobs.enqueue('farm.face', { hireId: id }, { db: trx, fairKey: id });
        return code;
      });
      return reply.status(201).send(issued);
    },
  );

  /** The hire, for a change of its codes or devices: refused once offboarded. */
  const activeHire = async (id: string) => {
    const hire = await db
      .selectFrom('hires')
      .select(['id', 'email', 'offboarded_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!hire) throw unknownHire();
    if (hire.offboarded_at) throw new ApiFailure(410, 'hire.offboarded', 'the hire was offboarded');
    return hire;
  };

  /** A new code (the hire lost the invitation, or it expired): every older unused one is void. */
  const { newEnrolmentCode: newCode } = hrApi;
  api.post(
    newCode.path,
    { schema: { params: newCode.params, body: newCode.body, response: { 201: newCode.response } } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const hire = await activeHire(request.params.id);
      const now = context.now();
      const issued = await db.transaction().execute(async (trx) => {
        const code = await issueHireCode(trx, context, hire, request.body.email);
        await audit(trx, {
          actor,
          action: 'hire.enrolment-code',
          target: hire.id,
          hire: hire.id,
          detail: { emailed: request.body.email },
          at: now,
        });
        return code;
      });
      return reply.status(201).send(issued);
    },
  );

  /**
   * The hire's laptop was replaced (lost, broken, swapped by IT): every device of the hire is
   * revoked (its signed requests are refused from now on, its reports stay) and a new code enrols
   * the new laptop.
   */
  const { replaceDevice } = hrApi;
  api.post(
    replaceDevice.path,
    {
      schema: {
        params: replaceDevice.params,
        body: replaceDevice.body,
        response: { 201: replaceDevice.response },
      },
    },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const hire = await activeHire(request.params.id);
      const now = context.now();
      const replaced = await db.transaction().execute(async (trx) => {
        const revoked = await revokeDevices(trx, hire.id, now);
        await refreshRoster(trx, context.dialect, hire.id);
        const code = await issueHireCode(trx, context, hire, request.body.email);
        await audit(trx, {
          actor,
          action: 'hire.device-replacement',
          target: hire.id,
          hire: hire.id,
          detail: { revokedDevices: revoked, emailed: request.body.email },
          at: now,
        });
        return { ...code, revokedDevices: revoked };
      });
      return reply.status(201).send(replaced);
    },
  );

  /**
   * A new ID photo for a hire, read with the server's recognizer: the way back for a hire whose
   * template is from an older model and whose photo was no longer retained. Refused like an ID
   * photo at creation when it has no usable face, and for a hire who withdrew biometric consent.
   */
  const { replaceIdPhoto } = hrApi;
  api.post(
    replaceIdPhoto.path,
    {
      schema: {
        params: replaceIdPhoto.params,
        body: replaceIdPhoto.body,
        response: { 200: replaceIdPhoto.response },
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const hire = await db
        .selectFrom('hires')
        .select(['id', 'biometric_withdrawn_at', 'offboarded_at'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!hire) throw unknownHire();
      if (hire.offboarded_at) throw new ApiFailure(410, 'hire.offboarded', 'the hire was offboarded');
      if (hire.biometric_withdrawn_at)
        throw new ApiFailure(409, 'hire.biometric-withdrawn', 'the hire withdrew biometric consent');
      const photo = decodeIdPhoto(request.body.idPhoto);
      const reading = await readIdPhoto(photo);
      const now = context.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('hires')
          .set({
            id_photo: context.seal.seal(photo),
            face_template: context.seal.seal(Buffer.from(columns.hireFaceTemplate.encode(reading))),
            face_status: 'ready',
            photos_deleted_at: null,
          })
          .where('id', '=', hire.id)
          .execute();
        await audit(trx, {
          actor,
          action: 'hire.id-photo.replace',
          target: hire.id,
          hire: hire.id,
          detail: { model: reading.template.model },
          at: now,
        });
        if (context.farmMarks)
          await context.jobs.enqueue('farm.face', { hireId: hire.id }, { db: trx, fairKey: hire.id });
      });
      return { id: hire.id, replacedAt: now.toISOString() };
    },
  );

  /**
   * A code for the headless command IT runs from MDM as root, which cannot use the app's key
   * sealed in the hire's keychain: it enrols a second key under the hire, for device checks only.
   */
  const { deviceCheckCode } = hrApi;
  api.post(
    deviceCheckCode.path,
    { schema: { params: deviceCheckCode.params, response: { 201: deviceCheckCode.response } } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const now = context.now();
      const hire = await db
        .selectFrom('hires')
        .select('id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!hire) throw unknownHire();
      const { code, hash } = newEnrolmentCode();
      const expiresAt = new Date(now.getTime() + context.policy.enrolmentCodeDays * 86_400_000).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('enrolment_codes')
          .values({
            code_hash: hash,
            hire_id: hire.id,
            expires_at: expiresAt,
            used_at: null,
            purpose: 'device-check',
          })
          .execute();
        await audit(trx, {
          actor,
          action: 'hire.device-check-code',
          target: hire.id,
          hire: hire.id,
          at: now,
        });
      });
      return reply.status(201).send({ id: hire.id, code, codeExpiresAt: expiresAt });
    },
  );

  const { listHires } = hrApi;
  api.get(
    listHires.path,
    { schema: { querystring: listHires.query, response: { 200: listHires.response } } },
    async (request) => {
      const actor = requireAdmin(request);
      const page = await hirePage(db, request.query, context.now());
      const { status, q, cursor } = request.query;
      await context.auditRead({
        actor,
        action: 'hire.list',
        target: '*',
        hire: null,
        detail: {
          ...(status ? { status } : {}),
          ...(q ? { search: true } : {}),
          ...(cursor ? { page: 'next' } : {}),
        },
        at: context.now(),
      });
      return page;
    },
  );

  const { hireCounts } = hrApi;
  api.get(hireCounts.path, { schema: { response: { 200: hireCounts.response } } }, async (request) => {
    const actor = requireAdmin(request);
    const counts = await statusCounts(db, context.now());
    await context.auditRead({ actor, action: 'hire.counts', target: '*', hire: null, at: context.now() });
    return counts;
  });

  const { hire } = hrApi;
  api.get(
    hire.path,
    { schema: { params: hire.params, response: { 200: hire.response } } },
    async (request) => {
      const actor = requireAdmin(request);
      const detail = await hireDetail(db, request.params.id, context.now(), PAGE_SIZE.reports);
      if (!detail) throw unknownHire();
      await context.auditRead({
        actor,
        action: 'hire.view',
        target: detail.id,
        hire: detail.id,
        at: context.now(),
      });
      return detail;
    },
  );

  const { hireReports } = hrApi;
  api.get(
    hireReports.path,
    {
      schema: {
        params: hireReports.params,
        querystring: hireReports.query,
        response: { 200: hireReports.response },
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const hireId = request.params.id;
      const known = await db
        .selectFrom('roster')
        .select('hire_id')
        .where('hire_id', '=', hireId)
        .executeTakeFirst();
      if (!known) throw unknownHire();
      const page = await reportPage(db, hireId, request.query);
      await context.auditRead({
        actor,
        action: 'hire.reports',
        target: hireId,
        hire: hireId,
        at: context.now(),
      });
      return page;
    },
  );
}
