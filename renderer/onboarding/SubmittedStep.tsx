import type { SubmitResult } from '../../main/contract/ipc';
import { StepHeading } from '../ui/StepHeading';

const VERDICT_TEXT = {
  pass: 'HR has your report and everything checked out.',
  review: 'HR has your report. Someone will look at it and may contact you.',
  fail: 'HR has your report. It did not pass; HR will contact you about the next step.',
};

/** What happened to the report and what comes next. */
export function SubmittedStep({ result, onDone }: { result: SubmitResult; onDone: () => void }) {
  return (
    <section className="step">
      {result.state === 'accepted' && (
        <>
          <StepHeading>Report sent</StepHeading>
          <p data-verdict={result.verdict.verdict}>{VERDICT_TEXT[result.verdict.verdict]}</p>
          {result.verdict.pending && result.verdict.pending.length > 0 && (
            <p>HR is still checking: {result.verdict.pending.join(', ')}.</p>
          )}
        </>
      )}
      {result.state === 'queued' && (
        <>
          <StepHeading>Report saved</StepHeading>
          <p>
            HR could not be reached just now. Your signed report is saved on this laptop and will be sent
            automatically ({result.waiting} waiting).
          </p>
        </>
      )}
      {result.state === 'refused' && (
        <>
          <StepHeading>HR did not accept the report</StepHeading>
          <p>
            {result.reason} ({result.code}). Please contact IT with this message.
          </p>
        </>
      )}
      <p>HireProof stays in the tray and will ask you to check again from time to time.</p>
      <p className="note">Report id: {result.reportId}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
