import { z } from 'zod';
import { FaceReading } from '../../main/contract/face-reading';
import type { JobHandler } from '../jobs/job-runner';
import { verdictOfReasons, WeighedReason } from '../reports/decide-verdict';
import { finalVerdictJobs } from '../reports/final-verdict';

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
      'reports.face_status',
      'reports.hire_id',
      'reports.kind',
      'hires.face_template',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirstOrThrow();
  if (report.face_status !== 'pending') return;
  const reasons = z.array(WeighedReason).parse(JSON.parse(report.reasons));
  let face: { decision: keyof typeof WEIGHT; distance: number | null; threshold: number; frames: number };
  if (!report.frames || !report.face_template) {
    face = { decision: 'no-face', distance: null, threshold: 0, frames: 0 };
  } else {
    const reference = FaceReading.parse(JSON.parse(context.seal.open(report.face_template).toString('utf8')));
    const frames = z.array(z.string()).parse(JSON.parse(context.seal.open(report.frames).toString('utf8')));
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
    message: `server re-check: ${face.decision}${face.distance === null ? '' : ` (distance ${face.distance.toFixed(3)}, threshold ${face.threshold})`}`,
    evidence: [
      { decision: face.decision, distance: face.distance, threshold: face.threshold, frames: face.frames },
    ],
    weight: WEIGHT[face.decision],
  };
  const all = [...reasons, faceReason];
  const verdict = verdictOfReasons(all);
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reports')
      .set({ verdict, reasons: JSON.stringify(all), face_status: 'done' })
      .where('id', '=', reportId)
      .execute();
    await finalVerdictJobs(trx, context, reportId, report.hire_id, report.kind, verdict);
  });
};
