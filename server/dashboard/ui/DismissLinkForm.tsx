import { useId, useState, type FormEvent } from 'react';
import { ApiError, call, hrApi } from './api';

/**
 * HR settles a link it has explained (flatmates, a known family, one office): dismissed with a
 * reason (audited); the two hires are then not put in review for it again.
 */
export function DismissLinkForm({
  hireId,
  otherHireId,
  otherName,
  onDismissed,
  onSignedOut,
}: {
  hireId: string;
  otherHireId: string;
  otherName: string;
  onDismissed: () => void;
  onSignedOut: () => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The contract's own bounds on a reason, so the form and the service cannot disagree.
    const body = hrApi.dismissLink.body.safeParse({
      reason: new FormData(event.currentTarget).get('reason'),
    });
    if (!body.success) return setError('Say why (e.g. “flatmates, known”): it goes in the audit log.');
    setBusy(true);
    setError(null);
    try {
      await call(hrApi.dismissLink, { params: { id: hireId, otherId: otherHireId }, body: body.data });
      onDismissed();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) onSignedOut();
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <details className="dismiss">
      <summary>Dismiss…</summary>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Why is the link with {otherName} explained?</label>
          <input
            id={`${id}-reason`}
            name="reason"
            maxLength={hrApi.dismissLink.body.shape.reason.maxLength ?? undefined}
            required
          />
        </div>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Dismiss the link'}
        </button>
      </form>
    </details>
  );
}
