import { createHash } from 'node:crypto';
import { judgeMovement, type MovementFrameReading } from '../../main/contract/movement-judge';
import type { MovementFrames } from '../../main/contract/report';
import { FaceImageError } from '../../main/face/face-image-error';
import type { ServerContext } from '../context';
import type { WeighedReason } from '../reports/decide-verdict';

/**
 * The server's own liveness verdict: every movement's frames re-read in the face workers and
 * re-judged with the app's pure judge. The app's `passed` is never read. Frames that are no image
 * send the report to review; so does a movement that was not answered.
 */
export async function judgeLiveness(
  context: ServerContext,
  movements: readonly MovementFrames[] | undefined,
  matchFrames: readonly string[],
): Promise<WeighedReason> {
  if (!movements || movements.length === 0)
    return {
      check: 'face.liveness',
      message: 'server re-check: the report carries no movement frames to judge liveness on',
      weight: 'review',
    };
  let readings: MovementFrameReading[][];
  let anchors: number[][];
  try {
    const read = (jpeg: string) => context.faces.landmarksOf(Buffer.from(jpeg, 'base64'));
    anchors = (await Promise.all(matchFrames.map(read))).flatMap((r) => (r.descriptor ? [r.descriptor] : []));
    readings = await Promise.all(
      movements.map((m) =>
        Promise.all(
          m.frames.map(async (f) => ({
            t: f.t,
            digest: createHash('sha256').update(f.jpeg).digest('hex'),
            ...(await read(f.jpeg)),
          })),
        ),
      ),
    );
  } catch (error) {
    // Anything but bad bytes is the server's failure: the job retries.
    if (!(error instanceof FaceImageError)) throw error;
    return {
      check: 'face.liveness',
      message: `server re-check: a movement frame could not be read (${error.message})`,
      weight: 'review',
    };
  }
  const results = movements.map((m, i) => judgeMovement(m.kind, readings[i]!, anchors));
  const failed = results.filter((r) => !r.passed);
  return {
    check: 'face.liveness',
    message:
      failed.length === 0
        ? `server re-check: all ${results.length} movements answered (${results.map((r) => r.kind).join(', ')})`
        : `server re-check: ${failed.length} of ${results.length} movements not answered: ${failed.map((r) => `${r.kind}: ${r.reason}`).join('; ')}`,
    evidence: results.map((r, i) => ({
      movement: r.kind,
      passed: r.passed,
      reason: r.reason,
      frames: movements[i]!.frames.length,
    })),
    weight: failed.length === 0 ? 'pass' : 'review',
  };
}
