import type { CameraStep, InputStep } from './evidence-step';
import { CadenceStep } from './CadenceStep';
import { PendingCameraStep } from './PendingStep';

/**
 * Where the input-cadence step (renderer/input/) and the camera step (renderer/face/) plug into
 * the onboarding and re-attestation flows: replace a pending step with the real component.
 */
export const stepSlots: { input: InputStep; camera: CameraStep } = {
  input: CadenceStep,
  camera: PendingCameraStep,
};
