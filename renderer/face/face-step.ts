import type { LivenessChallenge, LivenessRules } from '../../main/contract/liveness';
import type { FaceEvidence, LivenessEvidence } from '../../main/contract/report';
import { closeCamera, listCameras, openCamera } from './camera';
import { chooseCamera, type CameraChoice, type CameraDevice } from './camera-choice';
import type { FaceModels } from './face-models';
import { humanCheckEvidence } from './human-check';
import { runLiveFaceCheck, type LiveFaceProgress, type LiveFaceResult } from './live-face-check';

export type FaceStepResult =
  | ({ outcome: 'checked' } & LiveFaceResult)
  /** The hire chose the human video check: recorded in the report, never a dead end. */
  | { outcome: 'human-check'; face: FaceEvidence; liveness: LivenessEvidence }
  | { outcome: 'no-camera'; choice: CameraChoice };

export interface FaceStepOptions {
  /** Loaded once by the host (see loadFaceModels); may still be loading when the step mounts. */
  models: Promise<FaceModels>;
  /** The movements the HR service's challenge asks for, in its order (the app never draws its own). */
  challenges: readonly LivenessChallenge[];
  rules?: LivenessRules;
  /** The cameras to choose from; defaults to the browser's list. */
  cameras?: () => Promise<CameraDevice[]>;
}

export interface FaceStep {
  /** Settles when the hire finished, asked for a human check, or no usable camera exists. */
  result: Promise<FaceStepResult>;
  /** Removes the step's elements and stops the camera. */
  unmount(): void;
}

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const countWords = ['no', 'one', 'two', 'three', 'four'];

/**
 * The camera step, framework-free so any shell can host it (the host gives it a heading): instructions as text in a live region
 * (screen readers announce each change), a mirrored preview, a Start button and, at every moment, a
 * "can't do this" button that ends the step with a request for a human video check.
 */
export function mountFaceStep(container: HTMLElement, options: FaceStepOptions): FaceStep {
  const instruction = element('p', { className: 'face-step-instruction' });
  instruction.setAttribute('role', 'status');
  instruction.setAttribute('aria-live', 'polite');
  const guidance = element('p', { className: 'face-step-guidance' });
  guidance.setAttribute('aria-live', 'polite');
  const progress = element('p', { className: 'face-step-progress' });
  const video = element('video', { muted: true, playsInline: true, autoplay: true });
  video.setAttribute('aria-hidden', 'true');
  video.style.transform = 'scaleX(-1)';
  const start = element('button', {
    type: 'button',
    className: 'primary',
    textContent: 'Start the camera check',
  });
  const cannot = element('button', {
    type: 'button',
    textContent: 'I can’t do this — arrange a short video call with a person instead',
  });
  const root = element(
    'section',
    { className: 'face-step' },
    element('p', {
      textContent:
        `We will ask you for ${countWords[options.challenges.length] ?? options.challenges.length} simple ` +
        'movements. A few pictures of your face go to your employer’s HireProof service, which ' +
        'compares them with the photo HR holds and judges the movements itself.',
    }),
    video,
    instruction,
    guidance,
    progress,
    element('div', { className: 'actions' }, cannot, start),
  );
  root.setAttribute('aria-label', 'Camera check');
  container.append(root);

  const abort = new AbortController();
  let stream: MediaStream | null = null;
  let camera: CameraDevice | null = null;
  const say = (text: string, hint = '') => {
    if (instruction.textContent !== text) instruction.textContent = text;
    if (guidance.textContent !== hint) guidance.textContent = hint;
  };
  say('Press Start when you are ready. Sit facing the camera in good light.');

  const humanCheck = (): FaceStepResult => ({ outcome: 'human-check', ...humanCheckEvidence(camera) });

  const run = async (): Promise<FaceStepResult> => {
    const choice = chooseCamera(await (options.cameras ?? (() => listCameras()))());
    if (!choice.camera) {
      say(
        `We cannot use a camera here: ${choice.reason}.`,
        'Connect the laptop’s own camera, or ask for a video call with a person.',
      );
      return { outcome: 'no-camera', choice };
    }
    camera = choice.camera;
    say('Starting the camera…');
    stream = await openCamera(camera, video);
    const models = await options.models;
    const show = (p: LiveFaceProgress) => {
      say(p.instruction, p.guidance);
      progress.textContent = p.step
        ? `Step ${p.step.index} of ${p.step.total}` +
          (p.step.remainingMs !== undefined ? ` — ${Math.ceil(p.step.remainingMs / 1000)} s left` : '')
        : '';
    };
    const result = await runLiveFaceCheck({
      models,
      video,
      camera,
      challenges: options.challenges,
      ...(options.rules ? { rules: options.rules } : {}),
      onProgress: show,
      signal: abort.signal,
    });
    closeCamera(stream, video);
    stream = null;
    if (abort.signal.aborted) return humanCheck();
    say(
      result.liveness.passed ? 'Thank you, the camera check is done.' : 'The camera check did not succeed.',
    );
    return { outcome: 'checked', ...result };
  };

  const result = new Promise<FaceStepResult>((resolve, reject) => {
    cannot.addEventListener('click', () => {
      abort.abort();
      closeCamera(stream, video);
      say('A person from HR will contact you for a short video call.');
      resolve(humanCheck());
    });
    start.addEventListener('click', () => {
      start.disabled = true;
      run().then(resolve, (error: unknown) => {
        closeCamera(stream, video);
        say(
          `The camera check stopped: ${(error as Error).message}`,
          'You can ask for a video call with a person instead.',
        );
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });

  return {
    result,
    unmount() {
      abort.abort();
      closeCamera(stream, video);
      root.remove();
    },
  };
}
