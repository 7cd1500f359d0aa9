import { useId, useState, type FormEvent } from 'react';
import { ApiError, call, hrApi } from './api';

/** HR settles a report that needs a person: approve or reject, always with a note (audited). */
export function ReviewForm({
  reportId,
  onReviewed,
  onSignedOut,
}: {
  reportId: string;
  onReviewed: (verdict: string) => void;
  onSignedOut: () => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const decision = form.get('decision');
    const noteField = form.get('note');
    const note = typeof noteField === 'string' ? noteField.trim() : '';
    if (decision !== 'pass' && decision !== 'fail') return setError('Choose approve or reject.');
    if (!note) return setError('Write a note: it goes in the audit log with your decision.');
    setBusy(true);
    setError(null);
    try {
      const answer = await call(hrApi.review, { params: { id: reportId }, body: { decision, note } });
      onReviewed(answer.verdict);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) onSignedOut();
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <form className="review stack" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Review this report</legend>
        <div className="choice">
          <input type="radio" id={`${id}-pass`} name="decision" value="pass" />
          <label htmlFor={`${id}-pass`}>Approve (pass)</label>
        </div>
        <div className="choice">
          <input type="radio" id={`${id}-fail`} name="decision" value="fail" />
          <label htmlFor={`${id}-fail`}>Reject (fail)</label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} name="note" rows={3} maxLength={2000} required />
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save review'}
      </button>
    </form>
  );
}
