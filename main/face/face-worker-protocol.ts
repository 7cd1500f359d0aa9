import type { FaceReading } from '../contract/face-reading';
import type { FaceModel } from '../contract/face-template';
import type { FrameLandmarks } from './frame-landmarks';

/** What a face worker is started with: the models whose recognizers it loads before saying ready. */
export type FaceWorkerData = { preload: FaceModel[] };

/** Messages between the face pool (server or CLI thread) and one face worker thread. */
export type FaceWorkerRequest =
  /** A photo's readings, one per model, from one detection. */
  | { id: number; op: 'readings'; bytes: Uint8Array; models: FaceModel[] }
  /** A liveness frame's faces and landmarks. */
  | { id: number; op: 'landmarks'; bytes: Uint8Array };

export type FaceWorkerReply =
  | { type: 'ready'; backend: string }
  | { type: 'failed'; message: string }
  | { type: 'readings'; id: number; readings: FaceReading[] }
  | { type: 'landmarks'; id: number; landmarks: FrameLandmarks }
  | { type: 'error'; id: number; kind: 'image' | 'internal'; message: string };
