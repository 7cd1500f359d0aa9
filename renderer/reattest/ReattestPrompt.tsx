import type { DeviceStatus } from '../../main/contract/ipc';
import { StepHeading } from '../ui/StepHeading';
import { formatDay } from '../ui/format-day';
import { laterChoice } from './later-choice';

/**
 * The periodic check: the server says when it is due. The hire starts it now or, within the
 * policy's limit, later; once overdue HR sees it on the dashboard, and the prompt says so.
 */
export function ReattestPrompt({
  status,
  onStart,
  onLater,
}: {
  status: DeviceStatus;
  onStart: () => void;
  onLater: () => void;
}) {
  const due = status.schedule;
  const later = laterChoice(status);
  return (
    <section className="step">
      <StepHeading>Time for your HireProof check</StepHeading>
      {due && (
        <p className={due.overdue ? 'warning' : undefined}>
          {due.overdue
            ? `This check was due on ${formatDay(due.nextDueAt)} and HR can see it is overdue.`
            : `Your employer asks for this check by ${formatDay(due.nextDueAt)}.`}
        </p>
      )}
      <p>It takes about two minutes: the device checks, a short typing step and a quick camera check.</p>
      <p className="note">{later.note}</p>
      <div className="actions">
        {later.offered && (
          <button type="button" onClick={onLater}>
            Later
          </button>
        )}
        <button type="button" className="primary" onClick={onStart}>
          Start the check
        </button>
      </div>
    </section>
  );
}
