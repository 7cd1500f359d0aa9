import type { FaceReading } from '../contract/face-reading';
import type { FaceModel } from '../contract/face-template';

/** What a face worker is started with: the models whose recognizers it loads before saying ready. */
export type FaceWorkerData = { preload: FaceModel[] };

/** Messages between the face pool (server or CLI thread) and one face worker thread. */
export type FaceWorkerRequest = { id: number; bytes: Uint8Array; models: FaceModel[] };

export type FaceWorkerReply =
  | { type: 'ready'; backend: string }
  | { type: 'failed'; message: string }
  | { type: 'readings'; id: number; readings: FaceReading[] }
  | { type: 'error'; id: number; kind: 'image' | 'internal'; message: string };
