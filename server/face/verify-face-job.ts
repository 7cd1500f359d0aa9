import { z } from 'zod';
import { columns } from '../db/codecs';
import { refreshRoster } from '../db/roster';
import { countVerdict } from '../db/verdict-counts';
import type { JobHandler } from '../jobs/job-runner';
import { verdictOfReasons, type WeighedReason } from '../reports/decide-verdict';
import { finalVerdictJobs } from '../reports/final-verdict';
import { hireTemplate } from './hire-template';

const WEIGHT = { match: 'pass', review: 'review', 'no-match': 'fail', 'no-face': 'review' } as const;

/**
 * Re-runs the face match on the frames a report carried, against the hire's ID photo, and folds
 * the result into the report's verdict. The app's own match is never trusted.
 */
export const verifyFaceJob: JobHandler = async (job, context) => {
  const { reportId } = z.object({ reportId: z.string() }).parse(job.payload);
  const report = await context.db
    .selectFrom('reports')
    .innerJoin('hires', 'hires.id', 'reports.hire_id')
    .select([
      'reports.frames',
      'reports.reasons',
      'reports.verdict',
      'reports.received_at',
      'reports.face_status',
      'reports.hire_id',
      'reports.kind',
      'hires.face_template',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirstOrThrow();
  if (report.face_status !== 'pending') return;
  const reasons = columns.reportReasons.decode(report.reasons);
  let face: {
    decision: keyof typeof WEIGHT;
    distance: number | null;
    threshold: number;
    frames: number;
    reason?: string;
  };
  const template = report.face_template
    ? await hireTemplate(context, report.hire_id, report.face_template)
    : null;
  if (!report.frames || !template) {
    face = { decision: 'no-face', distance: null, threshold: 0, frames: 0 };
  } else if ('needsPhoto' in template) {
    face = { decision: 'no-face', distance: null, threshold: 0, frames: 0, reason: template.needsPhoto };
  } else {
    const reference = template.reading;
    const frames = columns.reportFrames.decode(context.seal.open(report.frames).toString('utf8'));
    const comparisons = await Promise.all(
      frames.map((f) => context.faces.compare(reference, Buffer.from(f, 'base64'))),
    );
    const measured = comparisons.filter((c) => c.distance !== null);
    // The median frame decides: one lucky or one blurred frame does not.
    const sorted = measured.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    face = median
      ? {
          decision: median.decision,
          distance: median.distance,
          threshold: median.threshold,
          frames: frames.length,
        }
      : {
          decision: 'no-face',
          distance: null,
          threshold: comparisons[0]?.threshold ?? 0,
          frames: frames.length,
        };
  }
  // A match is recorded too, weighing nothing, so HR sees the distance the server measured.
  const faceReason: WeighedReason = {
    check: 'face.match',
    message: `server re-check: ${face.decision}${face.distance === null ? '' : ` (distance ${face.distance.toFixed(3)}, threshold ${face.threshold})`}${face.reason ? `: ${face.reason}` : ''}`,
    evidence: [
      {
        decision: face.decision,
        distance: face.distance,
        threshold: face.threshold,
        frames: face.frames,
        ...(face.reason ? { reason: face.reason } : {}),
      },
    ],
    weight: WEIGHT[face.decision],
  };
  const all = [...reasons, faceReason];
  const verdict = verdictOfReasons(all);
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reports')
      .set({ verdict, reasons: columns.reportReasons.encode(all), face_status: 'done' })
      .where('id', '=', reportId)
      .execute();
    await countVerdict(trx, context.dialect, report.received_at, { from: report.verdict, to: verdict });
    await finalVerdictJobs(trx, context, reportId, report.hire_id, report.kind, verdict);
    await refreshRoster(trx, context.dialect, report.hire_id);
    // Farm signals: whose face was on camera, searched across hires once this check is done.
    if (context.farmMarks && report.frames)
      await context.jobs.enqueue('farm.face-frames', { reportId }, { db: trx, fairKey: report.hire_id });
  });
};
