import { parentPort } from 'node:worker_threads';
import { startFaceEngine } from './face-engine';
import { FaceImageError } from './face-image-error';
import type { FaceWorkerReply, FaceWorkerRequest } from './face-worker-protocol';

/** Worker thread entry (bundled to out/face/face-worker.mjs): one engine, one photo at a time. */
const port = parentPort;
if (!port) throw new Error('face-worker runs as a worker thread of the face pool');
const reply = (message: FaceWorkerReply) => port.postMessage(message);

const engine = startFaceEngine();
engine.then(
  (e) => reply({ type: 'ready', backend: e.backend }),
  (error: unknown) => reply({ type: 'failed', message: (error as Error).message ?? String(error) }),
);

port.on('message', ({ id, bytes, op }: FaceWorkerRequest) => {
  engine
    .then(async (e): Promise<FaceWorkerReply> =>
      op === 'landmarks'
        ? { type: 'landmarks', id, landmarks: await e.landmarks(bytes) }
        : { type: 'reading', id, reading: await e.read(bytes) },
    )
    .then(
      (answer) => reply(answer),
      (error: unknown) =>
        reply({
          type: 'error',
          id,
          kind: error instanceof FaceImageError ? 'image' : 'internal',
          message: (error as Error).message ?? String(error),
        }),
    );
});
