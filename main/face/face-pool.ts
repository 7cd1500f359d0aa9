import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compareFaceReadings, type FaceComparison } from '../contract/face-decision';
import type { FaceReading } from '../contract/face-reading';
import { serverFaceModel, type FaceModel } from '../contract/face-template';
import { packageRoot } from '../package-root';
import { FaceImageError } from './face-image-error';
import type { FaceWorkerData, FaceWorkerReply, FaceWorkerRequest } from './face-worker-protocol';
import type { FrameLandmarks } from './frame-landmarks';

/** Face matching off the caller's thread: a server's request loop never waits on the models. */
export type FacePool = {
  /** Every worker has loaded the models on the WASM backend; rejects if the engine cannot start. */
  ready: Promise<{ backend: string; workers: number }>;
  /** The photo's face template (the server's model), or why it has no usable face. Rejects with FaceImageError for bytes that are no image. */
  descriptorOf(image: Uint8Array): Promise<FaceReading>;
  /** One reading per model, from one detection of the photo's face (bench:face compares models on the same faces). */
  readingsOf(image: Uint8Array, models: FaceModel[]): Promise<FaceReading[]>;
  /** Photo bytes or an earlier reading (e.g. the ID photo's, kept from enrolment) on either side. */
  compare(id: Uint8Array | FaceReading, probe: Uint8Array | FaceReading): Promise<FaceComparison>;
  /** A liveness frame's faces and landmarks (the server re-judges movements on these). Rejects like descriptorOf. */
  landmarksOf(image: Uint8Array): Promise<FrameLandmarks>;
  close(): Promise<void>;
};

/** A worker's answer to one task. */
type Answer = Extract<FaceWorkerReply, { type: 'readings' | 'landmarks' }>;

type Task = {
  bytes: Uint8Array;
  /** What the worker is asked: readings for these models, or a frame's landmarks. */
  work: { op: 'readings'; models: FaceModel[] } | { op: 'landmarks' };
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  settled?: Promise<void>;
};
type Slot = { worker: Worker; ready: boolean; task?: Task & { id: number } };

/** The worker runs from the bundle `npm run build:cli` writes, whether this file runs as source or bundled. */
function faceWorkerScript(): string {
  const script = join(packageRoot(import.meta.url), 'out', 'face', 'face-worker.mjs');
  if (!existsSync(script)) throw new Error(`face worker not built (${script}): run \`npm run build:cli\``);
  return script;
}

/**
 * Each worker holds its own copy of the models; by default one core is left to the caller. Workers
 * load the recognizers of `preload` before they are ready (others on first use).
 */
export function startFacePool({
  size = Math.max(1, availableParallelism() - 1),
  preload = [serverFaceModel],
}: { size?: number; preload?: FaceModel[] } = {}): FacePool {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`a face pool needs at least one worker, not ${size}`);
  const script = faceWorkerScript();
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;
  let broken: Error | undefined;
  let readyCount = 0;
  let markReady!: (value: { backend: string; workers: number }) => void;
  let markBroken!: (error: Error) => void;
  const ready = new Promise<{ backend: string; workers: number }>((resolve, reject) => {
    markReady = resolve;
    markBroken = reject;
  });
  // Callers may never await `ready`; their tasks are rejected with the same error.
  ready.catch(() => undefined);

  const fail = (error: Error) => {
    broken ??= error;
    markBroken(broken);
    for (const task of queue.splice(0)) task.reject(broken);
    for (const slot of slots.splice(0)) {
      slot.task?.reject(broken);
      void slot.worker.terminate();
    }
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task) continue;
      const task = queue.shift();
      if (!task) return;
      slot.task = { ...task, id: nextId++ };
      slot.worker.postMessage({
        id: slot.task.id,
        bytes: task.bytes,
        ...task.work,
      } satisfies FaceWorkerRequest);
    }
  };

  const lost = (slot: Slot, error: Error) => {
    const index = slots.indexOf(slot);
    if (index < 0 || closed) return;
    if (!slot.ready) return fail(new Error(`face engine failed to start: ${error.message}`));
    slots.splice(index, 1);
    slot.task?.reject(new Error(`face worker stopped: ${error.message}`));
    slots.push(spawn());
  };

  const onReply = (slot: Slot, reply: FaceWorkerReply) => {
    if (reply.type === 'failed') return fail(new Error(`face engine failed to start: ${reply.message}`));
    if (reply.type === 'ready') {
      slot.ready = true;
      if (++readyCount === size) markReady({ backend: reply.backend, workers: size });
      return dispatch();
    }
    const task = slot.task;
    slot.task = undefined;
    if (task?.id !== reply.id)
      return fail(new Error(`face worker answered task ${reply.id}, not ${task?.id}`));
    if (reply.type !== 'error') task.resolve(reply);
    else task.reject(reply.kind === 'image' ? new FaceImageError(reply.message) : new Error(reply.message));
    dispatch();
  };

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: new Worker(script, { workerData: { preload } satisfies FaceWorkerData }),
      ready: false,
    };
    slot.worker.on('message', (reply: FaceWorkerReply) => onReply(slot, reply));
    slot.worker.on('error', (error) => lost(slot, error));
    slot.worker.on('exit', (code) => lost(slot, new Error(`exited with code ${code}`)));
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn());

  const submit = (bytes: Uint8Array, work: Task['work']): Promise<Answer> => {
    if (closed || broken) return Promise.reject(broken ?? new Error('face pool is closed'));
    let task!: Task;
    const answer = new Promise<Answer>((resolve, reject) => (task = { bytes, work, resolve, reject }));
    task.settled = answer.then(
      () => undefined,
      () => undefined,
    );
    queue.push(task);
    dispatch();
    return answer;
  };
  const readingsOf = async (bytes: Uint8Array, models: FaceModel[]): Promise<FaceReading[]> => {
    const answer = await submit(bytes, { op: 'readings', models });
    if (answer.type !== 'readings') throw new Error(`face worker answered ${answer.type}, not readings`);
    return answer.readings;
  };
  const descriptorOf = async (bytes: Uint8Array) => (await readingsOf(bytes, [serverFaceModel]))[0]!;
  const readingOf = (side: Uint8Array | FaceReading) =>
    side instanceof Uint8Array ? descriptorOf(side) : Promise.resolve(side);

  return {
    ready,
    descriptorOf,
    readingsOf,
    async landmarksOf(bytes) {
      const answer = await submit(bytes, { op: 'landmarks' });
      if (answer.type !== 'landmarks') throw new Error(`face worker answered ${answer.type}, not landmarks`);
      return answer.landmarks;
    },
    async compare(id, probe) {
      const [idReading, probeReading] = await Promise.all([readingOf(id), readingOf(probe)]);
      return compareFaceReadings(idReading, probeReading);
    },
    /** Queued photos are refused; photos being read finish first (stopping native code mid-image leaks). */
    async close() {
      closed = true;
      const error = new Error('face pool is closed');
      markBroken(error);
      for (const task of queue.splice(0)) task.reject(error);
      await Promise.all(
        slots.splice(0).map(async (slot) => {
          await slot.task?.settled;
          await slot.worker.terminate();
        }),
      );
    },
  };
}
