import { useContext, useId, useState } from 'react';
import { ApiError, call, hrApi, type EnrolmentCodeIssued } from './api';
import { formatTime } from './format';
import { Problem } from './Problem';
import { EmailsHiresContext } from './role';

type Action = 'new-code' | 'replace-device';

/**
 * HR's hands on a hire: a new enrolment code (the invitation was lost or expired), or a replaced
 * laptop (the old one's key revoked). Either voids the unused code; the new one is emailed, or
 * shown here once for HR to pass on.
 */
export function HireActions({
  hireId,
  email,
  onChanged,
  onSignedOut,
}: {
  hireId: string;
  email: string;
  onChanged: (announcement: string) => void;
  onSignedOut: () => void;
}) {
  const id = useId();
  // Without a mail server there is nothing to email with: the code is shown once instead.
  const emailsHires = useContext(EmailsHiresContext);
  const [ticked, setSend] = useState(true);
  const send = emailsHires && ticked;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<EnrolmentCodeIssued | null>(null);

  const act = async (action: Action) => {
    if (
      action === 'replace-device' &&
      !window.confirm(
        'Revoke every device of this hire? Their laptop stops reporting until the new one enrols.',
      )
    )
      return;
    setBusy(true);
    setError(null);
    try {
      const input = { params: { id: hireId }, body: { email: send } };
      const answer =
        action === 'new-code'
          ? await call(hrApi.newEnrolmentCode, input)
          : await call(hrApi.replaceDevice, input);
      setIssued(answer);
      const what =
        action === 'new-code' ? 'New enrolment code issued' : 'Devices revoked and a new code issued';
      onChanged(
        `${what}${answer.invitation ? `, emailed to ${email}` : ''}; the previous code no longer works.`,
      );
    } catch (failure) {
      const refusal = failure instanceof ApiError ? failure : new ApiError(0, 'unknown', String(failure));
      if (refusal.status === 401) onSignedOut();
      setError(refusal);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      {emailsHires ? (
        <div className="choice">
          <input
            id={`${id}-send`}
            type="checkbox"
            checked={send}
            onChange={(e) => setSend(e.target.checked)}
          />
          <label htmlFor={`${id}-send`}>Email the new code to {email}</label>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void act('new-code')}>
          New enrolment code
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void act('replace-device')}
        >
          Replace device
        </button>
      </div>
      {error ? <Problem error={error} /> : null}
      {issued && !issued.invitation ? (
        <div className="code-once">
          <p className="warning">
            <strong>Shown once.</strong> Give this code to the hire through a channel you trust.
          </p>
          <p className="code" data-testid="enrolment-code">
            {issued.code}
          </p>
          <p>
            Expires <time dateTime={issued.codeExpiresAt}>{formatTime(issued.codeExpiresAt)}</time>.
          </p>
        </div>
      ) : null}
    </div>
  );
}
