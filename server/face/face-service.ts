import type { FaceComparison } from '../../main/contract/face-decision';
import type { FaceReading } from '../../main/contract/face-reading';
import { startFacePool, type FacePool } from '../../main/face/face-pool';
import type { FrameLandmarks } from '../../main/face/frame-landmarks';

/** The face matcher, started on first use (its models take a moment to load) and shared. */
export interface FaceService {
  descriptorOf(image: Uint8Array): Promise<FaceReading>;
  compare(reference: FaceReading, probe: Uint8Array): Promise<FaceComparison>;
  /** A liveness frame's faces and landmarks, for the server's own judgement of the movements. */
  landmarksOf(frame: Uint8Array): Promise<FrameLandmarks>;
  close(): Promise<void>;
}

export function faceService(workers?: number): FaceService {
  let pool: FacePool | undefined;
  const started = () => (pool ??= startFacePool(workers === undefined ? {} : { size: workers }));
  return {
    descriptorOf: (image) => started().descriptorOf(image),
    compare: (reference, probe) => started().compare(reference, probe),
    landmarksOf: (frame) => started().landmarksOf(frame),
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
