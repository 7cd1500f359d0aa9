import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { CreateHireRequest, CreateHireResponse, Reason } from '../../main/contract/protocol';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { newEnrolmentCode } from './enrolment-code';
import { hireStatus } from './hire-status';
import { decodeIdPhoto } from './id-photo';

const HireParams = z.object({ id: z.uuid() });

const FACE_REFUSALS: Record<string, string> = {
  'no-face': 'id-photo.no-face',
  'several-faces': 'id-photo.several-faces',
  'too-small': 'id-photo.face-too-small',
  'turned-head': 'id-photo.turned-head',
};

export function hireRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/v1/hires', { schema: { body: CreateHireRequest } }, async (request, reply) => {
    const actor = await requireAdmin(db, request, context.now());
    const photo = decodeIdPhoto(request.body.idPhoto);
    const reading = await context.faces.descriptorOf(photo).catch((error: Error) => {
      throw new ApiFailure(422, 'id-photo.unreadable', `the ID photo cannot be read: ${error.message}`);
    });
    if (!reading.usable) {
      throw new ApiFailure(
        422,
        FACE_REFUSALS[reading.reason] ?? 'id-photo.unusable',
        `the ID photo needs exactly one clear, frontal face: ${reading.detail}`,
      );
    }
    const now = context.now();
    const id = crypto.randomUUID();
    const { code, hash } = newEnrolmentCode();
    const expiresAt = new Date(now.getTime() + context.policy.enrolmentCodeDays * 86_400_000).toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('hires')
        .values({
          id,
          name: request.body.name,
          email: request.body.email,
          expected_serial: request.body.expectedDevice?.serial ?? null,
          expected_asset_tag: request.body.expectedDevice?.assetTag ?? null,
          id_photo: context.seal.seal(photo),
          face_template: context.seal.seal(Buffer.from(JSON.stringify(reading))),
          face_status: 'ready',
          created_at: now.toISOString(),
          verified_at: null,
          photos_deleted_at: null,
        })
        .execute();
      await trx
        .insertInto('enrolment_codes')
        .values({ code_hash: hash, hire_id: id, expires_at: expiresAt, used_at: null, purpose: 'hire' })
        .execute();
      await audit(trx, { actor, action: 'hire.create', target: id, at: now });
    });
    return reply.status(201).send({ id, code, codeExpiresAt: expiresAt });
  });

  /**
   * A code for the headless command IT runs from MDM as root, which cannot use the app's key
   * sealed in the hire's keychain: it enrols a second key under the hire, for device checks only.
   */
  api.post(
    '/v1/hires/:id/device-check-codes',
    { schema: { params: HireParams, response: { 201: CreateHireResponse } } },
    async (request, reply) => {
      const actor = await requireAdmin(db, request, context.now());
      const now = context.now();
      const hire = await db
        .selectFrom('hires')
        .select('id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
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
        await audit(trx, { actor, action: 'hire.device-check-code', target: hire.id, at: now });
      });
      return reply.status(201).send({ id: hire.id, code, codeExpiresAt: expiresAt });
    },
  );

  api.get('/v1/hires', async (request) => {
    const actor = await requireAdmin(db, request, context.now());
    const hires = await db
      .selectFrom('hires')
      .select(['id', 'name', 'email', 'created_at', 'verified_at', 'offboarded_at'])
      .orderBy('created_at', 'desc')
      .execute();
    const devices = await db.selectFrom('devices').select(['hire_id', 'next_due_at', 'client']).execute();
    const latest = await latestVerdicts(context);
    await audit(db, { actor, action: 'hire.list', target: '*', at: context.now() });
    return {
      hires: hires.map((h) => ({
        id: h.id,
        name: h.name,
        email: h.email,
        createdAt: h.created_at,
        verifiedAt: h.verified_at,
        status: hireStatus({
          devices: devices.filter((d) => d.hire_id === h.id),
          latestVerdict: latest.get(h.id) ?? null,
          verifiedAt: h.verified_at,
          offboardedAt: h.offboarded_at,
          now: context.now(),
        }),
      })),
    };
  });

  api.get('/v1/hires/:id', { schema: { params: HireParams } }, async (request) => {
    const actor = await requireAdmin(db, request, context.now());
    const hire = await db
      .selectFrom('hires')
      .select([
        'id',
        'name',
        'email',
        'expected_serial',
        'expected_asset_tag',
        'created_at',
        'verified_at',
        'photos_deleted_at',
        'biometric_withdrawn_at',
        'offboarded_at',
      ])
      .where('id', '=', request.params.id)
      .executeTakeFirst();
    if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
    const devices = await db
      .selectFrom('devices')
      .select([
        'id',
        'fingerprint',
        'key_thumbprint',
        'enrolled_at',
        'next_due_at',
        'last_report_at',
        'client',
      ])
      .where('hire_id', '=', hire.id)
      .execute();
    const reports = await db
      .selectFrom('reports')
      .select([
        'id',
        'device_id',
        'kind',
        'issued_at',
        'received_at',
        'verdict',
        'reasons',
        'face_status',
        'reviewed_by',
        'review_note',
        'payload',
        'biometrics_deleted_at',
        sql<boolean>`frames is not null`.as('has_face_frames'),
      ])
      .where('hire_id', '=', hire.id)
      .orderBy('received_at', 'desc')
      .execute();
    await audit(db, { actor, action: 'hire.view', target: hire.id, at: context.now() });
    return {
      id: hire.id,
      name: hire.name,
      email: hire.email,
      expectedDevice: { serial: hire.expected_serial, assetTag: hire.expected_asset_tag },
      createdAt: hire.created_at,
      verifiedAt: hire.verified_at,
      photosDeletedAt: hire.photos_deleted_at,
      biometricConsentWithdrawnAt: hire.biometric_withdrawn_at,
      offboardedAt: hire.offboarded_at,
      status: hireStatus({
        devices,
        latestVerdict: reports[0]?.verdict ?? null,
        verifiedAt: hire.verified_at,
        offboardedAt: hire.offboarded_at,
        now: context.now(),
      }),
      devices: devices.map((d) => ({
        id: d.id,
        fingerprint: d.fingerprint,
        keyThumbprint: d.key_thumbprint,
        enrolledAt: d.enrolled_at,
        nextDueAt: d.next_due_at,
        lastReportAt: d.last_report_at,
      })),
      reports: reports.map((r) => {
        // The server's own judgement; reports stored before the server judged carry only the app's.
        const payload = JSON.parse(r.payload) as { checks: { checks: unknown[] }; serverChecks?: unknown[] };
        return {
          id: r.id,
          deviceId: r.device_id,
          kind: r.kind,
          issuedAt: r.issued_at,
          receivedAt: r.received_at,
          verdict: r.verdict,
          reasons: z.array(Reason).parse(JSON.parse(r.reasons)),
          faceStatus: r.face_status,
          review: r.reviewed_by ? { by: r.reviewed_by, note: r.review_note } : null,
          checks: payload.serverChecks ?? payload.checks.checks,
          hasFaceFrames: Boolean(r.has_face_frames),
          faceFramesDeletedAt: r.biometrics_deleted_at,
        };
      }),
    };
  });
}

/** Each hire's most recent verdict. */
export async function latestVerdicts(
  context: ServerContext,
): Promise<Map<string, 'pass' | 'review' | 'fail'>> {
  const rows = await context.db
    .selectFrom('reports')
    .select(['hire_id', 'verdict', 'received_at'])
    .orderBy('received_at', 'asc')
    .execute();
  return new Map(rows.map((r) => [r.hire_id, r.verdict]));
}
