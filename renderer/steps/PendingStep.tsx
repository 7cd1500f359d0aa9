import { StepHeading } from '../ui/StepHeading';
import type { CameraStep } from './evidence-step';

/** Stands in for a step this build does not include yet; it says so and adds no evidence. */
function pendingStep(title: string, what: string) {
  return function PendingStep({ onSkip }: { onSkip: (reason: string) => void }) {
    return (
      <section className="step" aria-labelledby="pending-step">
        <StepHeading>{title}</StepHeading>
        <p id="pending-step">{what} is not part of this build yet, so this report will not include it.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => onSkip('not-in-this-build')}>
            Continue
          </button>
        </div>
      </section>
    );
  };
}

export const PendingCameraStep: CameraStep = pendingStep('Camera check', 'The camera and liveness step');
