import type { DeviceStatus } from '../../main/contract/ipc';
import { StepHeading } from '../ui/StepHeading';
import { formatDay } from '../ui/format-day';
import { homeWords } from './home-words';
import { WithdrawConsent } from './WithdrawConsent';

/** Enrolled, nothing due: HR's last answer, when the next check is, and the camera consent. */
export function AllSet({
  status,
  onCheckNow,
  onStatus,
}: {
  status: DeviceStatus;
  onCheckNow: () => void;
  onStatus: (status: DeviceStatus) => void;
}) {
  const words = homeWords(status.hireName, status.lastVerdict, status.lastRefusal);
  return (
    <section className="step">
      <StepHeading>{words.heading}</StepHeading>
      <p>{words.note}</p>
      {status.schedule ? (
        <p>Your next check is due by {formatDay(status.schedule.nextDueAt)}. HireProof will remind you.</p>
      ) : (
        <p>
          HireProof could not ask HR when your next check is due
          {status.scheduleProblem ? `: ${status.scheduleProblem}` : ''}.
        </p>
      )}
      {status.consent?.biometric ? (
        <WithdrawConsent onWithdrawn={onStatus} />
      ) : (
        <p>
          You are checked in a video call with a person instead of the camera; HR holds no face data of yours.
        </p>
      )}
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
