import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FACE_JOB_CHECKS } from '../face/verify-face-job';
import { deviceApi } from '../../main/contract/device-api';
import type { ReportAck } from '../../main/contract/protocol';
import { MAX_REPORT_BYTES, ReportKind } from '../../main/contract/report';
import { decodeProtectedHeader } from 'jose';
import { nonceVerdict, type NonceState, type ReportRejection } from '../../main/contract/verify-report';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { refreshRoster } from '../db/roster';
import { countVerdict } from '../db/verdict-counts';
import type { Database } from '../db/schema';
import { isDue, nextDueAt } from '../devices/schedule';
import { authenticateDevice } from '../devices/device-auth';
import { ApiFailure } from '../http/api-failure';
import { chargeDevice } from '../http/request-limits';
import { audit } from '../audit/audit';
import { termsMismatch, type ChallengeTerms } from '../devices/challenge-terms';
import { verdictOfReasons, type WeighedReason } from './decide-verdict';
import { hardwareMarks, placeMarks } from '../farm/farm-marks';
import { FARM_CHECKS } from '../farm/farm-signal';
import { lanMarks, withoutLanIds } from '../farm/lan-marks';
import { linkByMarks, linkReasons, linksSinceLastReport } from '../farm/link-hires';
import { finalVerdictJobs } from './final-verdict';
import type { Transaction } from 'kysely';

const STATUS_OF: Record<ReportRejection, number> = {
  'report.too-large': 413,
  'report.malformed': 400,
  'report.bad-algorithm': 400,
  'report.unknown-key': 401,
  'report.bad-signature': 401,
  'report.bad-schema': 422,
  'report.outdated': 422,
  'report.wrong-device': 401,
  'report.stale': 422,
  'report.from-future': 422,
  'nonce.unknown': 422,
  'nonce.expired': 422,
  'nonce.reused': 422,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The JWS's key id, or undefined when its header cannot be read (the judge then says why). */
function keyIdOf(jws: string): string | undefined {
  try {
    const { kid } = decodeProtectedHeader(jws);
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/** The answer to a report whose kind or evidence is not what its challenge asked for. */
const termsRefusal = (reasons: readonly { message: string }[]) =>
  new ApiFailure(
    422,
    'report.terms-mismatch',
    `the report does not answer its challenge: ${reasons[0]?.message ?? 'unknown'}; it was recorded for HR to review`,
  );

/** Marks the nonce used and returns the terms its challenge set; or why it cannot be used. */
async function consumeNonce(
  trx: Transaction<Database>,
  deviceId: string,
  nonce: string,
  now: string,
): Promise<{ state: NonceState; terms: ChallengeTerms | null }> {
  const used = await trx
    .updateTable('nonces')
    .set({ used_at: now })
    .where('nonce', '=', nonce)
    .where('device_id', '=', deviceId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['kind', 'evidence'])
    .executeTakeFirst();
  if (used) {
    // A nonce issued before challenges carried terms sets none: any kind would be a guess.
    const terms =
      used.kind && used.evidence
        ? { kind: ReportKind.parse(used.kind), evidence: columns.nonceEvidence.decode(used.evidence) }
        : null;
    return { state: 'ok', terms };
  }
  const row = await trx
    .selectFrom('nonces')
    .select(['used_at', 'device_id'])
    .where('nonce', '=', nonce)
    .executeTakeFirst();
  if (!row || row.device_id !== deviceId) return { state: 'unknown', terms: null };
  return { state: row.used_at ? 'used' : 'expired', terms: null };
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
    // Which other hires a report is linked to, and by what, is for HR: the device learns only that.
    reasons: reasons.map(({ weight: _weight, ...reason }) =>
      FARM_CHECKS.has(reason.check)
        ? { check: reason.check, message: 'linked to other hires: HR reviews the report' }
        : reason,
    ),
    ...(facePending ? { pending: [...FACE_JOB_CHECKS] } : {}),
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
        'devices.client',
        'devices.next_due_at',
        'devices.revoked_at',
        'hires.expected_serial',
        'hires.biometric_withdrawn_at',
        eb.case().when('hires.face_template', 'is not', null).then(1).else(0).end().as('has_face'),
      ])
      .where('devices.key_thumbprint', '=', thumbprint)
      .executeTakeFirst();

  app.addContentTypeParser(
    'application/jose',
    { parseAs: 'string', bodyLimit: MAX_REPORT_BYTES + 1024 },
    (_request, body, done) => done(null, body),
  );

  const storedAnswerFor = async (jwsHash: string): Promise<ReportAck | null> => {
    const row = await db
      .selectFrom('reports')
      .select(['id', 'verdict', 'reasons', 'face_status', 'refusal'])
      .where('jws_hash', '=', jwsHash)
      .executeTakeFirst();
    if (!row) return null;
    const reasons = columns.reportReasons.decode(row.reasons);
    if (row.refusal) throw termsRefusal(reasons);
    return ackOf(row.id, row.verdict, reasons, row.face_status === 'pending');
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

  const { submitReport } = deviceApi;
  app.post(
    submitReport.path,
    {
      schema: { response: { 200: submitReport.response, 201: submitReport.response } },
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
      // The key that signed it names the device; reading the header is cheap, the rest is the judge's.
      const kid = keyIdOf(jws);
      const device = kid ? await deviceByKey(kid) : undefined;
      // A replaced laptop's key (or an offboarded hire's) reports nothing more, even with a report it held back.
      if (device?.revoked_at)
        throw new ApiFailure(
          401,
          'device.revoked',
          'HR revoked this device: its reports are no longer accepted',
        );
      const judged = await context.judge.judge({
        jws,
        now: now.toISOString(),
        device: device
          ? {
              id: device.id,
              publicJwk: device.public_jwk,
              client: device.client,
              identity: device.identity,
              expectedSerial: device.expected_serial,
              hasReferenceFace: device.has_face !== 0,
              biometricWithdrawn: device.biometric_withdrawn_at !== null,
            }
          : null,
        reportAddress: request.ip,
      });
      if (!judged.ok || !device) {
        const code = judged.ok ? 'report.unknown-key' : judged.code;
        if (code === 'report.outdated' && device)
          await audit(db, {
            actor: `device:${device.id}`,
            action: 'report.outdated',
            target: device.hire_id,
            hire: device.hire_id,
            at: now,
          });
        throw new ApiFailure(STATUS_OF[code], code, judged.ok ? 'unknown device' : judged.message);
      }
      const { payload, decision } = judged;
      const deviceId = device.id;
      const enrolled = device;
      // Signed by an enrolled key: from here the device pays for its own requests.
      await chargeDevice(request, context, deviceId);
      if (payload.observations.source === 'fixture' && !context.demo)
        throw new ApiFailure(
          422,
          'observations.fixture',
          'this report observed a fixture machine (--sysroot), not this device; this server accepts live observations only (fixtures are for a server started with --demo)',
        );
      const frames = payload.face?.frames.length
        ? context.seal.seal(Buffer.from(columns.reportFrames.encode(payload.face.frames)))
        : null;
      const movements = payload.liveness?.movements ?? [];
      const trace =
        payload.liveness && (payload.liveness.trace.length > 0 || movements.length > 0)
          ? context.seal.seal(
              Buffer.from(columns.livenessRecord.encode({ trace: payload.liveness.trace, movements })),
            )
          : null;
      // Kept as evidence: what the device sent (no frames, no trace, no movement frames: those are
      // biometric, sealed apart and deleted on the retention schedule) and how the server judged it.
      const stored = {
        ...payload,
        // The LAN's MACs are network identifiers: kept only as keyed hashes (farm marks).
        observations: withoutLanIds(payload.observations),
        face: payload.face ? { ...payload.face, frames: [] } : null,
        liveness: payload.liveness ? { ...payload.liveness, trace: [], movements: [] } : null,
        serverChecks: decision.checks,
      };
      const row = {
        id: payload.reportId,
        device_id: deviceId,
        hire_id: enrolled.hire_id,
        jws_hash: jwsHash,
        kind: payload.kind,
        issued_at: payload.issuedAt,
        received_at: now.toISOString(),
        reviewed_by: null,
        review_note: null,
      };

      let settled = { verdict: decision.verdict, reasons: decision.reasons };
      const outcome = await context.writes
        .run(async (trx) => {
          const { state, terms } = await consumeNonce(trx, deviceId, payload.nonce, now.toISOString());
          const nonce = nonceVerdict({ ok: true, deviceId, payload }, state);
          if (!nonce.ok) return nonce;
          // A challenge taken before the withdrawal still asked for a face: the withdrawal wins.
          const mismatch =
            enrolled.biometric_withdrawn_at && (payload.face || payload.liveness)
              ? 'it carries biometric evidence after the hire’s biometric consent was withdrawn'
              : terms
                ? termsMismatch(payload, terms)
                : 'its challenge was issued before challenges set terms; take a new one';
          if (mismatch) {
            // Refused, and kept against the hire: a correctly signed mismatch is evidence of an altered app.
            const reasons: WeighedReason[] = [{ check: 'report.terms', message: mismatch, weight: 'review' }];
            await trx
              .insertInto('reports')
              .values({
                ...row,
                payload: columns.reportPayload.encode({ ...stored, face: null, liveness: null }),
                frames: null,
                verdict: 'review',
                reasons: columns.reportReasons.encode(reasons),
                face_status: 'none',
                refusal: 'report.terms-mismatch',
              })
              .execute();
            await countVerdict(trx, context.dialect, row.received_at, { from: null, to: 'review' });
            await audit(trx, {
              actor: `device:${deviceId}`,
              action: 'report.terms-mismatch',
              target: enrolled.hire_id,
              hire: enrolled.hire_id,
              detail: { reportId: payload.reportId, reason: mismatch },
              at: now,
            });
            await finalVerdictJobs(
              trx,
              context,
              payload.reportId,
              enrolled.hire_id,
              'device-check',
              'review',
            );
            await refreshRoster(trx, context.dialect, enrolled.hire_id);
            return { refused: termsRefusal(reasons) };
          }
          // Farm signals: what this report shares with other hires' (hardware, the address it came from).
          await linkByMarks(trx, context, enrolled.hire_id, [
            ...hardwareMarks(payload),
            ...placeMarks(
              request.ip,
              context.policy.device.vpn.egressRanges,
              payload.kind !== 'device-check',
              lanMarks(payload.observations),
            ),
          ]);
          const links = context.farmMarks ? await linksSinceLastReport(trx, enrolled.hire_id) : [];
          const reasons = [...decision.reasons, ...linkReasons(links)];
          settled = { verdict: verdictOfReasons(reasons), reasons };
          await trx
            .insertInto('reports')
            .values({
              ...row,
              payload: columns.reportPayload.encode(stored),
              frames,
              liveness_trace: trace,
              verdict: settled.verdict,
              reasons: columns.reportReasons.encode(settled.reasons),
              face_status: decision.faceToVerify ? 'pending' : 'none',
              refusal: null,
            })
            .execute();
          await countVerdict(trx, context.dialect, row.received_at, { from: null, to: settled.verdict });
          // Only a report with the hire's face and input, sent while due, moves the re-attestation
          // date: another report the same week draws no new spot check.
          const due =
            payload.kind !== 'device-check' &&
            isDue(enrolled.next_due_at, now, context.policy.device.reattestation.promptHoursBefore)
              ? nextDueAt(now, context.policy.reattestEveryDays, context.policy.spotCheckDailyChance)
              : null;
          await trx
            .updateTable('devices')
            .set({ last_report_at: now.toISOString(), ...(due ? { next_due_at: due.toISOString() } : {}) })
            .where('id', '=', deviceId)
            .execute();
          if (decision.faceToVerify)
            await context.jobs.enqueue(
              'face.verify',
              { reportId: payload.reportId },
              { runAt: now, db: trx, fairKey: enrolled.hire_id },
            );
          else
            await finalVerdictJobs(
              trx,
              context,
              payload.reportId,
              enrolled.hire_id,
              payload.kind,
              settled.verdict,
            );
          await refreshRoster(trx, context.dialect, enrolled.hire_id);
          return null;
        })
        .catch(async (error: unknown) => {
          // Two servers racing on one retried report: the loser answers with the winner's answer.
          const raced = await earlierAnswer(payload.reportId, jwsHash);
          if (raced) return { raced };
          throw error;
        });
      if (outcome && 'raced' in outcome) return reply.status(200).send(outcome.raced);
      if (outcome && 'refused' in outcome) throw outcome.refused;
      if (outcome && !outcome.ok) {
        const retry = outcome.code === 'nonce.reused' ? await earlierAnswer(payload.reportId, jwsHash) : null;
        if (retry) return reply.status(200).send(retry);
        throw new ApiFailure(STATUS_OF[outcome.code], outcome.code, outcome.message);
      }
      return reply
        .status(201)
        .send(ackOf(payload.reportId, settled.verdict, settled.reasons, decision.faceToVerify));
    },
  );

  const { reportVerdict } = deviceApi;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      reportVerdict.path,
      { schema: { params: reportVerdict.params, response: { 200: reportVerdict.response } } },
      async (request) => {
        const signed = await authenticateDevice(request, context);
        if (signed.id !== request.params.id)
          throw new ApiFailure(403, 'device.not-yours', 'a device may read only its own reports');
        const row = await db
          .selectFrom('reports')
          .select(['id', 'verdict', 'reasons', 'face_status', 'refusal'])
          .where('id', '=', request.params.reportId)
          .where('device_id', '=', signed.id)
          .executeTakeFirst();
        if (!row || row.refusal)
          throw new ApiFailure(404, 'report.unknown', 'no such report from this device');
        return ackOf(
          row.id,
          row.verdict,
          columns.reportReasons.decode(row.reasons),
          row.face_status === 'pending',
        );
      },
    );
}
