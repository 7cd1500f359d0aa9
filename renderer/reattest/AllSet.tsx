import type { DeviceStatus } from '../../main/contract/ipc';
import { StepHeading } from '../ui/StepHeading';
import { formatDay } from '../ui/format-day';

/** Enrolled, nothing due: when the next check is, and the last answer from HR. */
export function AllSet({ status, onCheckNow }: { status: DeviceStatus; onCheckNow: () => void }) {
  return (
    <section className="step">
      <StepHeading>You&apos;re all set{status.hireName ? `, ${status.hireName}` : ''}</StepHeading>
      {status.schedule ? (
        <p>Your next check is due by {formatDay(status.schedule.nextDueAt)}. HireProof will remind you.</p>
      ) : (
        <p>
          HireProof could not ask HR when your next check is due
          {status.scheduleProblem ? `: ${status.scheduleProblem}` : ''}.
        </p>
      )}
      {status.lastVerdict && <p>Last report: {status.lastVerdict.verdict}.</p>}
      <div className="actions">
        <button type="button" onClick={onCheckNow}>
          Check now
        </button>
        {status.helpdeskOffered && (
          <a className="button-link" href="#/helpdesk">
            Helpdesk view
          </a>
        )}
      </div>
    </section>
  );
}
