import type { ComponentType } from 'react';
import type { FaceEvidence, InputEvidence, LivenessEvidence } from '../../main/contract/report';
import type { VerifyingReportKind } from '../../main/contract/report-kind';
import type { z } from 'zod';

/**
 * The contract for a step that gathers evidence in the renderer (the typing/reaction step, the
 * camera step). The step owns its screen; when it ends it hands its evidence to the flow, which
 * sends it to main with `submitAttestation` (the IPC contract parses it there). A step never
 * talks to main about the report itself.
 */
export interface EvidenceStepProps<E> {
  kind: VerifyingReportKind;
  /** The step finished: its evidence goes into the signed report. */
  onComplete: (evidence: E) => void;
  /** The step could not run or the hire chose the human alternative: the report carries no evidence for it. */
  onSkip: (reason: string) => void;
}

export type InputStepEvidence = z.infer<typeof InputEvidence>;
export interface CameraStepEvidence {
  face: z.infer<typeof FaceEvidence>;
  liveness: z.infer<typeof LivenessEvidence>;
}

export type InputStep = ComponentType<EvidenceStepProps<InputStepEvidence>>;
export type CameraStep = ComponentType<EvidenceStepProps<CameraStepEvidence>>;
