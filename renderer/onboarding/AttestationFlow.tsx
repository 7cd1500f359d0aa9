import { useLayoutEffect, useState } from 'react';
import type { ChecksReport } from '../../main/contract/checks';
import type { ReportKind } from '../../main/contract/report';
import type { SubmitResult } from '../../main/contract/ipc';
import { messageOf, useApi } from '../api';
import { ChecksStep } from '../checks/ChecksStep';
import { ResultStep } from '../checks/ResultStep';
import type { CameraStepEvidence, InputStepEvidence } from '../steps/evidence-step';
import { CadenceStep } from '../steps/CadenceStep';
import { CameraStep } from '../steps/CameraStep';
import { ErrorNote } from '../ui/ErrorNote';
import { StepHeading } from '../ui/StepHeading';
import { SubmittedStep } from './SubmittedStep';

/** Main refused the camera step's answer (its `camera.*` codes): the hire does the step again. */
const cameraStepRefused = (error: unknown) => /^camera\./.test(String((error as { code?: unknown }).code));

export type AttestationStage = 'checks' | 'input' | 'camera' | 'result' | 'sending' | 'sent';

/** Device checks → typing step → camera step → result with fixes → signed report to HR. */
export function AttestationFlow({
  kind,
  onFinished,
  onStage,
}: {
  kind: Exclude<ReportKind, 'device-check'>;
  onFinished: () => void;
  /** Told of each stage, so the page around the flow can show where the hire is. */
  onStage?: (stage: AttestationStage) => void;
}) {
  const api = useApi();
  const [stage, setStage] = useState<AttestationStage>('checks');
  const [report, setReport] = useState<ChecksReport | null>(null);
  const [input, setInput] = useState<InputStepEvidence | null>(null);
  const [camera, setCamera] = useState<CameraStepEvidence | null>(null);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Before paint, in the same task: the pills around the flow never show an earlier stage than the step.
  useLayoutEffect(() => onStage?.(stage), [stage, onStage]);
  const skip = (what: string) => setSkipped((s) => (s.includes(what) ? s : [...s, what]));

  const submit = async () => {
    setStage('sending');
    setError(null);
    try {
      setResult(
        await api.submitAttestation({
          input,
          face: camera?.face ?? null,
          liveness: camera?.liveness ?? null,
        }),
      );
      setStage('sent');
    } catch (e) {
      setError(messageOf(e));
      // The camera step's challenge expired or no longer matches: the step is done again, never sent mismatched.
      if (cameraStepRefused(e)) {
        setCamera(null);
        setStage('camera');
      } else setStage('result');
    }
  };

  switch (stage) {
    case 'checks':
      return <ChecksStep onDone={(r) => (setReport(r), setStage('input'))} />;
    case 'input':
      return (
        <CadenceStep
          kind={kind}
          onComplete={(evidence) => (setInput(evidence), setStage('camera'))}
          onSkip={() => (skip('typing step'), setStage('camera'))}
        />
      );
    case 'camera':
      return (
        <>
          <ErrorNote message={error} />
          <CameraStep
            kind={kind}
            onComplete={(evidence) => (setCamera(evidence), setError(null), setStage('result'))}
            onSkip={() => (skip('camera step'), setError(null), setStage('result'))}
          />
        </>
      );
    case 'result':
      return report ? (
        <>
          <ResultStep
            report={report}
            onRechecked={setReport}
            onSubmit={() => void submit()}
            skipped={skipped}
          />
          <ErrorNote message={error} />
        </>
      ) : null;
    case 'sending':
      return (
        <section className="step" aria-busy="true">
          <StepHeading>Sending your signed report…</StepHeading>
          <progress aria-label="Sending" />
        </section>
      );
    case 'sent':
      return result ? <SubmittedStep result={result} onDone={onFinished} /> : null;
  }
}
