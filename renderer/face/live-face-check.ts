import { faceGeometry } from '../../main/contract/face-geometry';
import type { FaceBox } from '../../main/contract/face-quality';
import {
  LivenessSession,
  livenessRules,
  type LivenessChallenge,
  type LivenessRules,
} from '../../main/contract/liveness';
import { MAX_FACE_FRAMES, type FaceEvidence, type LivenessEvidence } from '../../main/contract/report';
import type { CameraDevice } from './camera-choice';
import { challengePrompts } from './challenge-prompts';
import { cropFace, snapshot } from './face-frames';
import type { FaceModels } from './face-models';
import { measureFace, readLiveFaces, type LiveFace } from './face-reader';
import { frameQuality, type FrameQuality } from './frame-quality';
import { MovementRecorder } from './movement-frames';

/** After the challenges, how long to wait for still-missing good frames. */
const extraCaptureMs = 3_000;
/**
 * The loop reads at most 15 frames/s: enough to catch a blink (eyes shut 100–300 ms), and it leaves
 * the CPU to the hire's laptop and keeps the report's trace small.
 */
const frameIntervalMs = 66;

export interface LiveFaceProgress {
  phase: 'settling' | 'challenge' | 'capturing' | 'done';
  /** What to do now (one sentence, shown and announced). */
  instruction: string;
  /** How the current picture is (quality guidance). */
  guidance: string;
  /** 1-based challenge number and the count, while the challenges run. */
  step?: { index: number; total: number; remainingMs?: number };
}

export interface LiveFaceCheckOptions {
  models: FaceModels;
  /** Playing the chosen camera. */
  video: HTMLVideoElement;
  camera: CameraDevice;
  challenges: readonly LivenessChallenge[];
  rules?: LivenessRules;
  onProgress?: (progress: LiveFaceProgress) => void;
  /** Aborting ends the check where it is (the hire asked for a human check). */
  signal?: AbortSignal;
}

export interface LiveFaceResult {
  face: FaceEvidence;
  liveness: LivenessEvidence;
  timing: { livenessFrameMs: number[] };
}

type Capture = { frame: HTMLCanvasElement; box: FaceBox };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

function assess(picture: HTMLCanvasElement, faces: readonly LiveFace[]): FrameQuality {
  return frameQuality(
    faces.map((f) => ({
      box: f.box,
      geometry: faceGeometry(f.landmarks),
      image: measureFace(picture, f.box),
    })),
    { width: picture.width, height: picture.height },
  );
}

/**
 * Runs the camera step on a playing video: the server's movements judged live (the progress the
 * hire sees, advisory), a good frontal frame kept from before each movement, and each movement's
 * frames for the server to judge again. Every judgement is made on a copy of the video frame, so
 * the frames sent are the ones judged. The device holds no face template: the server alone
 * matches the frames to the ID photo.
 */
export async function runLiveFaceCheck(options: LiveFaceCheckOptions): Promise<LiveFaceResult> {
  const { models, video, signal } = options;
  const report = options.onProgress ?? (() => undefined);
  const rules = options.rules ?? livenessRules;
  const session = new LivenessSession(options.challenges, rules);
  const movements = new MovementRecorder(options.challenges, rules.settleFrames);
  const livenessFrameMs: number[] = [];
  const captures: Capture[] = [];
  let candidate: Capture | null = null;

  const read = async () => {
    const started = performance.now();
    const picture = snapshot(video);
    const faces = await readLiveFaces(models, picture);
    livenessFrameMs.push(performance.now() - started);
    return { faces, t: started, picture };
  };

  while (session.state.phase !== 'done') {
    if (signal?.aborted) {
      session.abandon(performance.now(), 'the hire asked for a human check instead');
      break;
    }
    const before = session.state;
    const { faces, t, picture } = await read();
    const quality = assess(picture, faces);
    if (before.phase === 'settling' && quality.ok) candidate = { frame: picture, box: faces[0]!.box };
    const single = faces.length === 1 ? faces[0]! : null;
    const after = session.observe({ t, faces: faces.length, landmarks: single?.landmarks ?? null });
    movements.observe(before, after, { t, picture, box: single?.box ?? null });
    const settled =
      before.phase === 'settling' && after.phase === 'challenge' && after.index === before.index;
    if (settled && candidate && captures.length < MAX_FACE_FRAMES) captures.push(candidate);
    if (after.phase !== 'settling') candidate = null;
    if (after.phase === 'settling') {
      report({
        phase: 'settling',
        instruction: 'Look straight at the camera.',
        guidance: quality.guidance,
        step: { index: after.index + 1, total: options.challenges.length },
      });
    } else if (after.phase === 'challenge') {
      report({
        phase: 'challenge',
        instruction: challengePrompts[after.challenge],
        guidance: quality.ok ? '' : quality.guidance,
        step: { index: after.index + 1, total: options.challenges.length, remainingMs: after.remainingMs },
      });
    }
    await pause(t + frameIntervalMs - performance.now());
  }

  // The last movement's frames after its response.
  while (!signal?.aborted && movements.wantsMore) {
    const { faces, t, picture } = await read();
    movements.observe(session.state, session.state, {
      t,
      picture,
      box: faces.length === 1 ? faces[0]!.box : null,
    });
    await pause(t + frameIntervalMs - performance.now());
  }

  const captureUntil = performance.now() + extraCaptureMs;
  while (!signal?.aborted && captures.length < MAX_FACE_FRAMES && performance.now() < captureUntil) {
    const { faces, picture } = await read();
    const quality = assess(picture, faces);
    report({
      phase: 'capturing',
      instruction: 'Look straight at the camera and hold still.',
      guidance: quality.guidance,
    });
    if (quality.ok) captures.push({ frame: picture, box: faces[0]!.box });
    // Spaced out, so the frames are not near-copies of each other.
    await pause(250);
  }

  const frames = (signal?.aborted ? [] : captures).map((c) => cropFace(c.frame, c.box));

  const done = session.state;
  const results = done.phase === 'done' ? done.results : [];
  report({ phase: 'done', instruction: 'Done.', guidance: '' });
  return {
    face: {
      camera: { label: options.camera.label.slice(0, 256), id: options.camera.deviceId.slice(0, 256) },
      backend: models.backend,
      frames,
      match: null,
      humanCheckRequested: signal?.aborted ?? false,
    },
    liveness: {
      passed: results.length > 0 && results.every((r) => r.passed),
      challenges: results.map((r) => ({
        kind: r.kind,
        passed: r.passed,
        ms: r.ms,
        reason: r.reason.slice(0, 200),
      })),
      trace: [...session.trace],
      // Abandoned, the step sends the human path's evidence instead (face-step).
      ...(signal?.aborted ? {} : { movements: movements.frames() }),
    },
    timing: { livenessFrameMs },
  };
}
