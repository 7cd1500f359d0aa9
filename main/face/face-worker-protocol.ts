import type { FaceReading } from '../contract/face-reading';

/** Messages between the face pool (server or CLI thread) and one face worker thread. */
export type FaceWorkerRequest = { id: number; bytes: Uint8Array };

export type FaceWorkerReply =
  | { type: 'ready'; backend: string }
  | { type: 'failed'; message: string }
  | { type: 'reading'; id: number; reading: FaceReading }
  | { type: 'error'; id: number; kind: 'image' | 'internal'; message: string };
