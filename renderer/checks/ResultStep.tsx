import type { ChecksReport } from '../../main/contract/checks';
import { ErrorNote } from '../ui/ErrorNote';
import { StepHeading } from '../ui/StepHeading';
import { CheckProgressList } from './CheckProgressList';
import { needsFix } from './status-label';
import { StatusBadge } from './StatusBadge';
import { useCheckRun } from './use-check-run';

/**
 * The result: what needs fixing, each with its plain fix, and Re-check to run the checks again
 * once the hire has fixed it. The hire may still send a report that fails; HR decides.
 */
export function ResultStep({
  report,
  onRechecked,
  onSubmit,
  skipped,
}: {
  report: ChecksReport;
  onRechecked: (report: ChecksReport) => void;
  onSubmit: () => void;
  skipped: string[];
}) {
  const recheck = useCheckRun();
  const problems = report.checks.filter((c) => needsFix(c.status));
  const rerun = async () => {
    const fresh = await recheck.run();
    if (fresh) onRechecked(fresh);
  };
  return (
    <section className="step" aria-busy={recheck.running}>
      <StepHeading>
        {problems.length === 0 ? 'This laptop passed every check' : 'Some things need fixing'}
      </StepHeading>
      {problems.length === 0 ? (
        <p className="result-ok">
          <StatusBadge status="pass" /> All {report.checks.length} device checks passed.
        </p>
      ) : (
        <>
          <p>
            Fix {problems.length === 1 ? 'this' : 'these'}, then choose <strong>Re-check</strong>.
          </p>
          <ul className="fix-list" aria-label="Things to fix">
            {problems.map((check) => (
              <li key={check.id} className="fix" data-check={check.id}>
                <h2 className="fix-title">
                  <StatusBadge status={check.status} /> {check.title}
                </h2>
                <p>{check.summary}</p>
                <p className="fix-how">
                  <strong>How to fix:</strong> {check.remediation}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {skipped.length > 0 && <p className="note">Not included in this report: {skipped.join(', ')}.</p>}
      {recheck.running && <CheckProgressList rows={recheck.rows} />}
      <p className="visually-hidden" aria-live="polite">
        {recheck.announcement}
      </p>
      <ErrorNote message={recheck.error} />
      <div className="actions">
        <button type="button" onClick={() => void rerun()} disabled={recheck.running}>
          Re-check
        </button>
        <button type="button" className="primary" onClick={onSubmit} disabled={recheck.running}>
          {problems.length === 0 ? 'Send to HR' : 'Send to HR anyway'}
        </button>
      </div>
    </section>
  );
}
