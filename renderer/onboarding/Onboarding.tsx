import { useLayoutEffect, useState } from 'react';
import type { DeviceStatus } from '../../main/contract/ipc';
import { AttestationFlow, type AttestationStage } from './AttestationFlow';
import { CodeStep } from './CodeStep';
import { ConsentStep } from './ConsentStep';
import { WelcomeStep } from './WelcomeStep';

type Step = 'welcome' | 'consent' | 'code' | 'attest';
/** The pills the hire sees: the set-up steps, then the stages of the checks themselves. */
const PILLS = ['Welcome', 'Consent', 'Code', 'Checks', 'Typing', 'Camera', 'Report'] as const;
const PILL_OF_STAGE: Record<AttestationStage, number> = {
  checks: 3,
  input: 4,
  camera: 5,
  result: 6,
  sending: 6,
  // Sent: every pill done.
  sent: PILLS.length,
};
const PILL_OF_STEP: Record<Exclude<Step, 'attest'>, number> = { welcome: 0, consent: 1, code: 2 };

/** Resumes where the hire left off: consent and enrolment are remembered by main. */
const resumeAt = (status: DeviceStatus): Step =>
  status.enrolled ? 'attest' : status.consent ? 'code' : 'welcome';

export function Onboarding({
  status,
  onFinished,
  onProgress,
}: {
  status: DeviceStatus;
  onFinished: () => void;
  /** The header's note: where set-up stands. */
  onProgress: (note: string) => void;
}) {
  const [step, setStep] = useState<Step>(() => resumeAt(status));
  const [stage, setStage] = useState<AttestationStage>('checks');
  const index = step === 'attest' ? PILL_OF_STAGE[stage] : PILL_OF_STEP[step];
  const enrolled = step === 'attest';
  // Before paint, like the stage itself: the header's note changes with the step, never after it.
  useLayoutEffect(
    () => onProgress(stage === 'sent' ? 'Report sent' : enrolled ? 'Enrolled' : 'Setting up'),
    [stage, enrolled, onProgress],
  );
  return (
    <>
      <nav aria-label="Onboarding progress">
        <ol className="stepper">
          {PILLS.map((label, i) => (
            <li
              key={label}
              aria-current={i === index ? 'step' : undefined}
              className={i < index ? 'done' : undefined}
            >
              {label}
            </li>
          ))}
        </ol>
      </nav>
      {step === 'welcome' && <WelcomeStep onNext={() => setStep('consent')} />}
      {step === 'consent' && <ConsentStep onNext={() => setStep('code')} />}
      {step === 'code' && <CodeStep onEnrolled={() => setStep('attest')} />}
      {step === 'attest' && <AttestationFlow kind="onboarding" onFinished={onFinished} onStage={setStage} />}
    </>
  );
}
