import { sql } from 'kysely';
import { z } from 'zod';
import type { FaceComparison } from '../../main/contract/face-decision';
import type { FaceReading } from '../../main/contract/face-reading';
import { FaceImageError } from '../../main/face/face-image-error';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { refreshRoster } from '../db/roster';
import { countVerdict } from '../db/verdict-counts';
import type { Job } from '../jobs/job-queue';
import type { JobHandler } from '../jobs/job-runner';
import { verdictOfReasons, type WeighedReason } from '../reports/decide-verdict';
import { finalVerdictJobs } from '../reports/final-verdict';
import { hireTemplate } from './hire-template';
import { judgeLiveness } from './judge-liveness';

const WEIGHT = { match: 'pass', review: 'review', 'no-match': 'fail', 'no-face': 'review' } as const;

const Payload = z.object({ reportId: z.string() });

/** What the face job decides: the device is told these are pending while it runs. */
export const FACE_JOB_CHECKS = ['face.match', 'face.liveness'] as const;

/**
 * Re-runs the face match on the frames a report carried, against the hire's ID photo, re-judges
 * liveness on its movement frames, and folds both into the report's verdict. The app's own match
 * and liveness result are never trusted.
 */
export const verifyFaceJob: JobHandler = async (job, context) => {
  const { reportId } = Payload.parse(job.payload);
  const report = await context.db
    .selectFrom('reports')
    .innerJoin('hires', 'hires.id', 'reports.hire_id')
    .select([
      'reports.frames',
      'reports.liveness_trace',
      'reports.face_status',
      'reports.hire_id',
      'hires.face_template',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirstOrThrow();
  if (report.face_status !== 'pending') return;
  const reasons: WeighedReason[] = [];
  const frames = report.frames
    ? columns.reportFrames.decode(context.seal.open(report.frames).toString('utf8'))
    : [];
  const template = report.face_template
    ? await hireTemplate(context, report.hire_id, report.face_template)
    : null;
  const noFace = { decision: 'no-face', distance: null, threshold: 0 } as const;
  if (frames.length === 0 || !template) {
    reasons.push(matchReason(noFace, 0, 'no frames or no ID photo template'));
  } else if ('needsPhoto' in template) {
    reasons.push(matchReason(noFace, frames.length, template.needsPhoto));
  } else {
    reasons.push(await matchOfFrames(context, template.reading, frames));
  }
  reasons.push(await livenessOfReport(context, report.liveness_trace, frames));
  await settleFaceReport(context, reportId, reasons);
};

/** The server's own liveness verdict on the movement frames stored (sealed) with the trace. */
async function livenessOfReport(
  context: ServerContext,
  sealed: Buffer | null,
  matchFrames: readonly string[],
): Promise<WeighedReason> {
  const record = sealed ? columns.livenessRecord.decode(context.seal.open(sealed).toString('utf8')) : null;
  return judgeLiveness(context, record?.movements, matchFrames);
}

/**
 * The last attempt failed (a worker crash, the time limit, the database): the report goes to
 * review with the reason, never stays pending and never passes.
 */
export async function giveUpFaceJob(job: Job, context: ServerContext, error: string): Promise<void> {
  const { reportId } = Payload.parse(job.payload);
  await settleFaceReport(context, reportId, [
    {
      check: 'face.match',
      message: `the server's face re-check gave up after ${job.attempts} attempt(s): ${error}`,
      evidence: [{ decision: 'gave-up', attempts: job.attempts, error }],
      weight: 'review',
    },
  ]);
}

/**
 * Every frame is read, and the median frame decides: one lucky or one blurred frame does not. A
 * frame without a usable face ranks below every measured one (it counts against, not as nothing),
 * and with an even count the worse middle frame decides. Frames of different people are a review
 * even when the median matches. Bytes that are no decodable image send the report to review.
 */
async function matchOfFrames(
  context: ServerContext,
  reference: FaceReading,
  frames: readonly string[],
): Promise<WeighedReason> {
  const settled = await Promise.allSettled(
    frames.map((f) => context.faces.compare(reference, Buffer.from(f, 'base64'))),
  );
  const unreadable = settled.flatMap((s, frame) =>
    s.status === 'rejected' && s.reason instanceof FaceImageError ? [{ frame, error: s.reason.message }] : [],
  );
  if (unreadable.length > 0)
    return {
      check: 'face.match',
      message: `server re-check: ${unreadable.length} of ${frames.length} frame(s) could not be read (${unreadable[0]!.error})`,
      evidence: unreadable.map((u) => ({ decision: 'unreadable', ...u })),
      weight: 'review',
    };
  // Anything else (a worker that stopped, a closed pool) is the server's failure: the job retries.
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const comparisons = settled.map((s) => (s as PromiseFulfilledResult<FaceComparison>).value);
  const rank = (c: FaceComparison) => c.distance ?? Number.POSITIVE_INFINITY;
  const sorted = [...comparisons].sort((a, b) => rank(a) - rank(b));
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) return matchReason({ decision: 'no-face', distance: null, threshold: 0 }, 0, 'no frames');
  const others = comparisons.filter((c) => c.decision === 'no-match').length;
  if (median.decision === 'match' && others > 0)
    return {
      ...matchReason(median, frames.length),
      message: `server re-check: the median frame matches, but ${others} of ${frames.length} frame(s) show someone else`,
      weight: 'review',
    };
  return matchReason(median, frames.length, median.reason);
}

/** A match is recorded too, weighing nothing, so HR sees the distance the server measured. */
function matchReason(
  face: Pick<FaceComparison, 'decision' | 'distance' | 'threshold'>,
  frames: number,
  why?: string,
): WeighedReason {
  const measured =
    face.distance === null ? '' : ` (distance ${face.distance.toFixed(3)}, threshold ${face.threshold})`;
  return {
    check: 'face.match',
    message: `server re-check: ${face.decision}${measured}${why ? `: ${why}` : ''}`,
    evidence: [
      {
        decision: face.decision,
        distance: face.distance,
        threshold: face.threshold,
        frames,
        ...(why ? { reason: why } : {}),
      },
    ],
    weight: WEIGHT[face.decision],
  };
}

/**
 * Ends a report's pending face verdict, once: a second writer (a timed-out attempt finishing late,
 * a retry) finds it no longer pending and writes nothing. A report HR has already reviewed keeps
 * HR's verdict; the server's reasons are recorded beside it.
 */
async function settleFaceReport(
  context: ServerContext,
  reportId: string,
  serverReasons: readonly WeighedReason[],
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const report = await trx
      .selectFrom('reports')
      .select(['verdict', 'reasons', 'received_at', 'hire_id', 'kind', 'reviewed_by', 'face_status'])
      .select(sql<boolean>`frames IS NOT NULL`.as('has_frames'))
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (report?.face_status !== 'pending') return;
    const all = [...columns.reportReasons.decode(report.reasons), ...serverReasons];
    const verdict = report.reviewed_by ? report.verdict : verdictOfReasons(all);
    const updated = await trx
      .updateTable('reports')
      .set({ verdict, reasons: columns.reportReasons.encode(all), face_status: 'done' })
      .where('id', '=', reportId)
      .where('face_status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return;
    await countVerdict(trx, context.dialect, report.received_at, { from: report.verdict, to: verdict });
    if (!report.reviewed_by)
      await finalVerdictJobs(trx, context, reportId, report.hire_id, report.kind, verdict);
    await refreshRoster(trx, context.dialect, report.hire_id);
    // Farm signals: whose face was on camera, searched across hires once this check is done.
    if (context.farmMarks && report.has_frames)
      await context.jobs.enqueue('farm.face-frames', { reportId }, { db: trx, fairKey: report.hire_id });
  });
}
