import type { FaceReading } from '../contract/face-reading';
import type { FrameLandmarks } from './frame-landmarks';

/** Messages between the face pool (server or CLI thread) and one face worker thread. */
export type FaceWorkerRequest = {
  id: number;
  bytes: Uint8Array;
  /** `landmarks`: a liveness frame's faces and landmarks (FrameLandmarks); otherwise the photo's FaceReading. */
  op?: 'landmarks';
};

export type FaceWorkerReply =
  | { type: 'ready'; backend: string }
  | { type: 'failed'; message: string }
  | { type: 'reading'; id: number; reading: FaceReading }
  | { type: 'landmarks'; id: number; landmarks: FrameLandmarks }
  | { type: 'error'; id: number; kind: 'image' | 'internal'; message: string };
