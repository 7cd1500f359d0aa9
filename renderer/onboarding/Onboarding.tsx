import { useState } from 'react';
import type { DeviceStatus } from '../../main/contract/ipc';
import { AttestationFlow } from './AttestationFlow';
import { CodeStep } from './CodeStep';
import { ConsentStep } from './ConsentStep';
import { WelcomeStep } from './WelcomeStep';

type Step = 'welcome' | 'consent' | 'code' | 'attest';
const STEPS: { id: Step; label: string }[] = [
  { id: 'welcome', label: 'Welcome' },
  { id: 'consent', label: 'Consent' },
  { id: 'code', label: 'Code' },
  { id: 'attest', label: 'Checks' },
];

/** Resumes where the hire left off: consent and enrolment are remembered by main. */
const resumeAt = (status: DeviceStatus): Step =>
  status.enrolled ? 'attest' : status.consent ? 'code' : 'welcome';

export function Onboarding({ status, onFinished }: { status: DeviceStatus; onFinished: () => void }) {
  const [step, setStep] = useState<Step>(() => resumeAt(status));
  const index = STEPS.findIndex((s) => s.id === step);
  return (
    <>
      <nav aria-label="Onboarding progress">
        <ol className="stepper">
          {STEPS.map((s, i) => (
            <li
              key={s.id}
              aria-current={i === index ? 'step' : undefined}
              className={i < index ? 'done' : undefined}
            >
              {s.label}
            </li>
          ))}
        </ol>
      </nav>
      {step === 'welcome' && <WelcomeStep onNext={() => setStep('consent')} />}
      {step === 'consent' && <ConsentStep onNext={() => setStep('code')} />}
      {step === 'code' && <CodeStep onEnrolled={() => setStep('attest')} />}
      {step === 'attest' && <AttestationFlow kind="onboarding" onFinished={onFinished} />}
    </>
  );
}
