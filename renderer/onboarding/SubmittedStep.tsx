import { useEffect, useState } from 'react';
import type { LastVerdict, SubmitResult } from '../../main/contract/ipc';
import { useApi } from '../api';
import { StepHeading } from '../ui/StepHeading';

/** How often the app asks the HR service again while its face check is still running. */
const VERDICT_POLL_MS = 3_000;

const VERDICT_TEXT = {
  pass: 'HR has your report and everything checked out.',
  review: 'HR has your report. Someone will look at it and may contact you.',
  fail: 'HR has your report. It did not pass; HR will contact you about the next step.',
};

/**
 * The verdict as the HR service has it: the one sent back with the report and, while the server's
 * own face match and liveness judgement still run, asked again until they end. The camera step's
 * own result was advisory; this is the server's decision.
 */
function useServerVerdict(first: LastVerdict | null): LastVerdict | null {
  const api = useApi();
  const [verdict, setVerdict] = useState(first);
  const waiting = (verdict?.pending?.length ?? 0) > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      // Unreachable for now: the answer with the report stands, and the home screen asks later.
      api.refreshVerdict({}).then(setVerdict, () => undefined);
    }, VERDICT_POLL_MS);
    return () => clearTimeout(timer);
  }, [api, verdict, waiting]);
  return verdict;
}

/** What happened to the report and what comes next. */
export function SubmittedStep({ result, onDone }: { result: SubmitResult; onDone: () => void }) {
  const verdict = useServerVerdict(result.state === 'accepted' ? result.verdict : null);
  return (
    <section className="step">
      {result.state === 'accepted' && verdict && (
        <>
          <StepHeading>Report sent</StepHeading>
          <p
            data-verdict={verdict.verdict}
            data-pending={verdict.pending?.length ? 'yes' : 'no'}
            role="status"
          >
            {VERDICT_TEXT[verdict.verdict]}
          </p>
          {verdict.pending && verdict.pending.length > 0 && (
            <p>
              HR is still checking your camera pictures: that they match your ID photo and that you made the
              movements asked for. This page updates when it is done.
            </p>
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
