import {
  livenessRules as defaultRules,
  type LivenessChallenge,
  type LivenessRules,
} from '../../../main/contract/liveness';
import { listCameras } from '../../../renderer/face/camera';
import type { CameraDevice } from '../../../renderer/face/camera-choice';
import { loadFaceModels, type FaceModels } from '../../../renderer/face/face-models';
import { describeFace, readLiveFaces } from '../../../renderer/face/face-reader';
import { mountFaceStep, type FaceStep, type FaceStepResult } from '../../../renderer/face/face-step';

/**
 * Test page for renderer/face: mounts the camera step on its own, with the models and tfjs's .wasm
 * files served by the test server. Playwright drives it through `window.faceHarness`.
 */
let models: Promise<FaceModels> | null = null;
let step: FaceStep | null = null;

const loaded = () => {
  if (!models) throw new Error('call faceHarness.load() first');
  return models;
};

const image = (url: string) =>
  new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`cannot load ${url}`));
    img.src = url;
  });

const faceHarness = {
  async load(backend?: 'auto' | 'wasm' | 'webgl') {
    models = loadFaceModels({ modelUrl: '/models/', wasmUrl: '/wasm/', ...(backend ? { backend } : {}) });
    const { backend: active, webglRenderer } = await models;
    return { backend: active, webglRenderer, crossOriginIsolated };
  },
  cameras: (): Promise<CameraDevice[]> => listCameras(),
  /** Mounts the step; `relabel` renames the real cameras (the fake device's label is fixed). */
  mount(options: { challenges: LivenessChallenge[]; rules?: Partial<LivenessRules>; relabel?: string[] }) {
    step?.unmount();
    const relabel = options.relabel;
    step = mountFaceStep(document.getElementById('app')!, {
      models: loaded(),
      challenges: options.challenges,
      ...(options.rules ? { rules: { ...defaultRules, ...options.rules } } : {}),
      ...(relabel
        ? {
            cameras: async () =>
              (await listCameras()).map((camera, i) => ({ ...camera, label: relabel[i] ?? camera.label })),
          }
        : {}),
    });
  },
  result: (): Promise<FaceStepResult> => {
    if (!step) throw new Error('call faceHarness.mount() first');
    return step.result;
  },
  /** ms per liveness-loop read (tiny + 68 landmarks) on the camera, and per SSD descriptor of a photo. */
  async bench(frames: number, photoUrl: string) {
    const active = await loaded();
    const video = document.createElement('video');
    video.muted = true;
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    video.srcObject = stream;
    await video.play();
    const time = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const photo = await image(photoUrl);
    await readLiveFaces(active, video);
    await describeFace(active, photo);
    const liveness: number[] = [];
    for (let i = 0; i < frames; i++) liveness.push(await time(() => readLiveFaces(active, video)));
    const descriptor: number[] = [];
    for (let i = 0; i < Math.ceil(frames / 4); i++)
      descriptor.push(await time(() => describeFace(active, photo)));
    stream.getTracks().forEach((track) => track.stop());
    return { liveness, descriptor, video: { width: video.videoWidth, height: video.videoHeight } };
  },
};

declare global {
  interface Window {
    faceHarness: typeof faceHarness;
  }
}
window.faceHarness = faceHarness;
