import '../styles.css';
import { loadFaceModels } from './face-models';
import { mountFaceStep, type FaceStep, type FaceStepResult } from './face-step';
import { FrameToPage, PageToFrame } from './frame-messages';

/**
 * The camera step's own document, shown in a frame by the app's page (renderer/steps/CameraStep).
 * It lives under /face/ because only there does the CSP let tfjs compile its WASM backend; it has
 * no bridge to main and no face template (the match is the server's): it takes back the evidence.
 */
const post = (message: FrameToPage) => window.parent.postMessage(FrameToPage.parse(message), location.origin);

const toMessage = (result: FaceStepResult): FrameToPage =>
  result.outcome === 'no-camera'
    ? { type: 'no-camera', reason: result.choice.reason ?? 'no usable camera' }
    : { type: 'result', outcome: result.outcome, face: result.face, liveness: result.liveness };

// The models load while the hire reads the instructions; a failure surfaces when the step needs them.
const models = loadFaceModels({
  modelUrl: new URL('models/', location.href).href,
  wasmUrl: new URL('wasm/', location.href).href,
});
models.catch(() => undefined);

let step: FaceStep | null = null;
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== location.origin || event.source !== window.parent || step) return;
  const start = PageToFrame.safeParse(event.data);
  if (!start.success) return;
  step = mountFaceStep(document.getElementById('app') as HTMLElement, {
    models,
    challenges: start.data.movements,
  });
  step.result.then(
    (result) => post(toMessage(result)),
    (error: unknown) =>
      post({
        type: 'failed',
        message: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      }),
  );
});

new ResizeObserver(() => post({ type: 'size', height: document.documentElement.scrollHeight })).observe(
  document.body,
);
post({ type: 'ready' });
