import type { FaceEvidence, LivenessEvidence } from '../../main/contract/report';
import type { CameraDevice } from './camera-choice';

/**
 * The evidence when the hire asks for a person's video call instead of the camera check: no
 * frames, no match, the request recorded so HR arranges the call. Never a dead end.
 */
export const humanCheckEvidence = (
  camera: CameraDevice | null,
): { face: FaceEvidence; liveness: LivenessEvidence } => ({
  face: {
    camera: { label: camera?.label ?? '', id: camera?.deviceId ?? '' },
    backend: '',
    frames: [],
    match: null,
    humanCheckRequested: true,
  },
  liveness: { passed: false, challenges: [], trace: [] },
});
