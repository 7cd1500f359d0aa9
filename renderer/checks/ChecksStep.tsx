import { useEffect, useRef } from 'react';
import type { ChecksReport } from '../../main/contract/checks';
import { ErrorNote } from '../ui/ErrorNote';
import { StepHeading } from '../ui/StepHeading';
import { CheckProgressList } from './CheckProgressList';
import { useCheckRun } from './use-check-run';

/** Runs the device checks with live per-check progress; the hire continues when they end. */
export function ChecksStep({ onDone }: { onDone: (report: ChecksReport) => void }) {
  const { rows, report, running, error, announcement, run } = useCheckRun();
  const started = useRef(false);
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run();
  }, [run]);
  useEffect(() => {
    if (report) next.current?.focus();
  }, [report]);
  return (
    <section className="step" aria-busy={running}>
      <StepHeading>Checking this laptop</StepHeading>
      <p>
        HireProof looks for remote-control software, remote sessions, capture devices, virtual cameras and
        virtual machines. This takes a few seconds.
      </p>
      <CheckProgressList rows={rows} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ErrorNote message={error} />
      <div className="actions">
        {error && (
          <button type="button" onClick={() => void run()}>
            Try again
          </button>
        )}
        <button
          type="button"
          className="primary"
          ref={next}
          disabled={!report}
          onClick={() => report && onDone(report)}
        >
          Continue
        </button>
      </div>
    </section>
  );
}
