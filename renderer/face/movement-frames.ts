import type { FaceBox } from '../../main/contract/face-quality';
import type { LivenessChallenge, LivenessState } from '../../main/contract/liveness';
import { livenessRules } from '../../main/contract/liveness';
import { movementFrameLimits, type MovementFrames } from '../../main/contract/report';
import { jpegWithin } from './face-frames';

/**
 * The region sent per movement: a square this many face widths wide around the face where the
 * movement began, scaled to at most `side` px. Fixed for the whole movement, as a camera is, so the
 * head's own motion stays in the frames; the server's judge was tested on such frames (eyes 35–45 px
 * apart at 256 px, over its 30 px floor).
 */
const movementCrop = { faceWidths: 2.6, side: 256 };

interface Kept {
  t: number;
  picture: HTMLCanvasElement;
  box: FaceBox | null;
}

const keepLast = (list: Kept[], item: Kept, count: number) => {
  list.push(item);
  if (list.length > count) list.shift();
};

/** Frames kept after each response: the head still holds it, so the server sees it settle in. */
const afterResponse = 2;

/**
 * Keeps, per movement, the frames the server re-judges it on, around the response: the last frames
 * before the prompt (the steady frontal ones the baseline is taken from), the last frames up to the
 * response and a couple after it, so the server's own liveness session sees the same
 * settle-then-respond the app saw, with the response held (one weak reading of the first response
 * frame by the server's detector must not lose it).
 */
export class MovementRecorder {
  private readonly before: Kept[][];
  private readonly during: Kept[][];
  private readonly after: Kept[][];
  private trailing: { index: number; left: number } | null = null;

  constructor(
    private readonly challenges: readonly LivenessChallenge[],
    private readonly settleFrames = livenessRules.settleFrames,
  ) {
    this.before = challenges.map(() => []);
    this.during = challenges.map(() => []);
    this.after = challenges.map(() => []);
  }

  /** One analysed frame, with the session's state before and after it. */
  observe(before: LivenessState, after: LivenessState, frame: Kept): void {
    if (this.trailing && this.trailing.left > 0) {
      this.after[this.trailing.index]!.push(frame);
      this.trailing.left -= 1;
    }
    if (before.phase === 'settling') keepLast(this.before[before.index]!, frame, this.settleFrames);
    if (before.phase !== 'challenge') return;
    const during = movementFrameLimits.frames - this.settleFrames - afterResponse;
    keepLast(this.during[before.index]!, frame, during);
    if (after.phase !== 'challenge' || after.index !== before.index)
      this.trailing = { index: before.index, left: afterResponse };
  }

  /** The last response still wants frames after it (read them once the session is done). */
  get wantsMore(): boolean {
    return (this.trailing?.left ?? 0) > 0;
  }

  /** The movements as the report carries them (JPEG, bounded by movementFrameLimits). */
  frames(): MovementFrames[] {
    return this.challenges.map((kind, i) => {
      const kept = [...this.before[i]!, ...this.during[i]!, ...this.after[i]!];
      const anchor = kept.find((k) => k.box)?.box;
      if (!anchor) return { kind, frames: [] };
      return {
        kind,
        frames: kept.map((k) => ({
          t: k.t,
          jpeg: jpegWithin(
            cropAround(k.picture, anchor),
            movementFrameLimits.base64Chars,
            'a movement frame',
          ),
        })),
      };
    });
  }
}

function cropAround(picture: HTMLCanvasElement, face: FaceBox): HTMLCanvasElement {
  const side = Math.min(picture.width, picture.height, Math.round(face.width * movementCrop.faceWidths));
  const x = Math.max(0, Math.min(picture.width - side, Math.round(face.x + face.width / 2 - side / 2)));
  const y = Math.max(0, Math.min(picture.height - side, Math.round(face.y + face.height / 2 - side / 2)));
  const size = Math.min(movementCrop.side, side);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.getContext('2d')!.drawImage(picture, x, y, side, side, 0, 0, size, size);
  return canvas;
}
