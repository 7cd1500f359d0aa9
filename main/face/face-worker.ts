import { parentPort, workerData } from 'node:worker_threads';
import { startFaceEngine } from './face-engine';
import { FaceImageError } from './face-image-error';
import type { FaceWorkerData, FaceWorkerReply, FaceWorkerRequest } from './face-worker-protocol';

/** Worker thread entry (bundled to out/face/face-worker.mjs): one engine, one photo at a time. */
const port = parentPort;
if (!port) throw new Error('face-worker runs as a worker thread of the face pool');
const reply = (message: FaceWorkerReply) => port.postMessage(message);

const engine = startFaceEngine((workerData as FaceWorkerData).preload);
engine.then(
  (e) => reply({ type: 'ready', backend: e.backend }),
  (error: unknown) => reply({ type: 'failed', message: (error as Error).message ?? String(error) }),
);

port.on('message', (request: FaceWorkerRequest) => {
  engine
    .then(async (e): Promise<FaceWorkerReply> =>
      request.op === 'landmarks'
        ? { type: 'landmarks', id: request.id, landmarks: await e.landmarks(request.bytes) }
        : { type: 'readings', id: request.id, readings: await e.read(request.bytes, request.models) },
    )
    .then(
      (answer) => reply(answer),
      (error: unknown) =>
        reply({
          type: 'error',
          id: request.id,
          kind: error instanceof FaceImageError ? 'image' : 'internal',
          message: (error as Error).message ?? String(error),
        }),
    );
});
