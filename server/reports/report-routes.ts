import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { IdentityClaims } from '../../main/contract/identity';
import type { ReportAck } from '../../main/contract/protocol';
import { MAX_REPORT_BYTES } from '../../main/contract/report';
import {
  nonceVerdict,
  openReport,
  type NonceState,
  type ReportRejection,
} from '../../main/contract/verify-report';
import type { ServerContext } from '../context';
import type { Database } from '../db/schema';
import { nextDueAt } from '../devices/schedule';
import { ApiFailure } from '../http/api-failure';
import { decideVerdict, WeighedReason } from './decide-verdict';
import { finalVerdictJobs } from './final-verdict';
import type { Transaction } from 'kysely';

const STATUS_OF: Record<ReportRejection, number> = {
  'report.too-large': 413,
  'report.malformed': 400,
  'report.bad-algorithm': 400,
  'report.unknown-key': 401,
  'report.bad-signature': 401,
  'report.bad-schema': 422,
  'report.wrong-device': 401,
  'report.stale': 422,
  'report.from-future': 422,
  'nonce.unknown': 422,
  'nonce.expired': 422,
  'nonce.reused': 422,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function consumeNonce(
  trx: Transaction<Database>,
  deviceId: string,
  nonce: string,
  now: string,
): Promise<NonceState> {
  const used = await trx
    .updateTable('nonces')
    .set({ used_at: now })
    .where('nonce', '=', nonce)
    .where('device_id', '=', deviceId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) === 1) return 'ok';
  const row = await trx
    .selectFrom('nonces')
    .select(['used_at', 'device_id'])
    .where('nonce', '=', nonce)
    .executeTakeFirst();
  if (!row || row.device_id !== deviceId) return 'unknown';
  return row.used_at ? 'used' : 'expired';
}

/** What a device is told: the verdict and why (weights stay on the server). */
function ackOf(
  reportId: string,
  verdict: ReportAck['verdict'],
  reasons: WeighedReason[],
  facePending: boolean,
): ReportAck {
  return {
    reportId,
    verdict,
    reasons: reasons.map(({ weight: _weight, ...reason }) => reason),
    ...(facePending ? { pending: ['face.match'] } : {}),
  };
}

export function reportRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  /** The enrolled device behind a key, with what the verdict needs of its hire: one query. */
  const deviceByKey = (thumbprint: string) =>
    db
      .selectFrom('devices')
      .innerJoin('hires', 'hires.id', 'devices.hire_id')
      .select((eb) => [
        'devices.id',
        'devices.public_jwk',
        'devices.hire_id',
        'devices.identity',
        'hires.expected_serial',
        eb.case().when('hires.face_descriptor', 'is not', null).then(1).else(0).end().as('has_face'),
      ])
      .where('devices.key_thumbprint', '=', thumbprint)
      .executeTakeFirst();
  type DeviceRow = NonNullable<Awaited<ReturnType<typeof deviceByKey>>>;

  app.addContentTypeParser(
    'application/jose',
    { parseAs: 'string', bodyLimit: MAX_REPORT_BYTES + 1024 },
    (_request, body, done) => done(null, body),
  );

  const storedAnswerFor = async (jwsHash: string): Promise<ReportAck | null> => {
    const row = await db
      .selectFrom('reports')
      .select(['id', 'verdict', 'reasons', 'face_status'])
      .where('jws_hash', '=', jwsHash)
      .executeTakeFirst();
    return row
      ? ackOf(
          row.id,
          row.verdict,
          z.array(WeighedReason).parse(JSON.parse(row.reasons)),
          row.face_status === 'pending',
        )
      : null;
  };

  /** A retry of a stored report gets the first answer and writes nothing; another body under its id is refused. */
  const earlierAnswer = async (reportId: string, jwsHash: string): Promise<ReportAck | null> => {
    const row = await db
      .selectFrom('reports')
      .select('jws_hash')
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (!row) return null;
    if (row.jws_hash !== jwsHash) {
      throw new ApiFailure(
        409,
        'report.id-conflict',
        'another report was already stored under this report id',
      );
    }
    return storedAnswerFor(jwsHash);
  };

  app.post(
    '/v1/reports',
    {
      config: {
        rateLimit: {
          // Keyed by the device (its id or its signed header), so the body must be parsed first.
          hook: 'preHandler',
          max: context.limits.devicePerMinute,
          timeWindow: '1 minute',
          keyGenerator: (r) => (typeof r.body === 'string' ? (r.body.split('.')[0] ?? r.ip) : r.ip),
        },
      },
    },
    async (request, reply) => {
      if (typeof request.body !== 'string')
        throw new ApiFailure(415, 'request.unsupported-media-type', 'send the report as application/jose');
      const jws = request.body.trim();
      const jwsHash = sha256(jws);
      // A retry is the same bytes: found by their hash before any parsing or signature work.
      const replay = await storedAnswerFor(jwsHash);
      if (replay) return reply.status(200).send(replay);

      const now = context.now();
      let device: DeviceRow | undefined;
      const opened = await openReport(jws, {
        now,
        keyFor: async (thumbprint) => {
          device = await deviceByKey(thumbprint);
          return device
            ? { deviceId: device.id, publicJwk: JSON.parse(device.public_jwk) as Record<string, string> }
            : null;
        },
      });
      if (!opened.ok || !device) {
        const code = opened.ok ? 'report.unknown-key' : opened.code;
        throw new ApiFailure(STATUS_OF[code], code, opened.ok ? 'unknown device' : opened.message);
      }
      const { payload, deviceId } = opened;
      const enrolled = device;
      const decision = decideVerdict({
        payload,
        enrolledIdentity: JSON.parse(enrolled.identity) as IdentityClaims,
        expectedSerial: enrolled.expected_serial,
        hasReferenceFace: enrolled.has_face !== 0,
        policy: context.policy,
      });
      const frames = payload.face?.frames.length
        ? context.seal.seal(Buffer.from(JSON.stringify(payload.face.frames)))
        : null;
      const stored = { ...payload, face: payload.face ? { ...payload.face, frames: [] } : null };

      const outcome = await context.writes
        .run(async (trx) => {
          const nonce = nonceVerdict(
            opened,
            await consumeNonce(trx, deviceId, payload.nonce, now.toISOString()),
          );
          if (!nonce.ok) return nonce;
          await trx
            .insertInto('reports')
            .values({
              id: payload.reportId,
              device_id: deviceId,
              hire_id: enrolled.hire_id,
              jws_hash: jwsHash,
              kind: payload.kind,
              issued_at: payload.issuedAt,
              received_at: now.toISOString(),
              payload: JSON.stringify(stored),
              frames,
              verdict: decision.verdict,
              reasons: JSON.stringify(decision.reasons),
              face_status: decision.faceToVerify ? 'pending' : 'none',
              reviewed_by: null,
              review_note: null,
            })
            .execute();
          const due = nextDueAt(now, context.policy.reattestEveryDays, context.policy.spotCheckDailyChance);
          await trx
            .updateTable('devices')
            .set({ last_report_at: now.toISOString(), next_due_at: due.toISOString() })
            .where('id', '=', deviceId)
            .execute();
          if (decision.faceToVerify)
            await context.jobs.enqueue('face.verify', { reportId: payload.reportId }, now, trx);
          else await finalVerdictJobs(trx, context, payload.reportId, enrolled.hire_id, decision.verdict);
          return null;
        })
        .catch(async (error: unknown) => {
          // Two servers racing on one retried report: the loser answers with the winner's answer.
          const raced = await earlierAnswer(payload.reportId, jwsHash);
          if (raced) return { raced };
          throw error;
        });
      if (outcome && 'raced' in outcome) return reply.status(200).send(outcome.raced);
      if (outcome && !outcome.ok) {
        const retry = outcome.code === 'nonce.reused' ? await earlierAnswer(payload.reportId, jwsHash) : null;
        if (retry) return reply.status(200).send(retry);
        throw new ApiFailure(STATUS_OF[outcome.code], outcome.code, outcome.message);
      }
      return reply
        .status(201)
        .send(ackOf(payload.reportId, decision.verdict, decision.reasons, decision.faceToVerify));
    },
  );
}
