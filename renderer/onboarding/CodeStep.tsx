import { useEffect, useState, type FormEvent } from 'react';
import { messageOf, useApi } from '../api';
import { ErrorNote } from '../ui/ErrorNote';
import { StepHeading } from '../ui/StepHeading';

/** The one-time code from HR binds this laptop's key to the hire. A deep link fills it in. */
export function CodeStep({ onEnrolled }: { onEnrolled: () => void }) {
  const api = useApi();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.takeEnrolLink({}).then(({ code: linked }) => linked && setCode(linked));
    return api.onEnrolLink(({ code: linked }) => setCode(linked));
  }, [api]);

  const enrol = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.enrol({ code });
      onEnrolled();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="step" onSubmit={(e) => void enrol(e)} aria-busy={busy}>
      <StepHeading>Your enrolment code</StepHeading>
      <p>HR sent you a code by e-mail. It looks like ABCD-EFGH-JKMN-PQRS and works once.</p>
      <label htmlFor="enrolment-code">Enrolment code</label>
      <input
        id="enrolment-code"
        className="code-input"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        required
        aria-describedby="enrolment-code-help"
      />
      <p id="enrolment-code-help" className="note">
        Type it with the dashes; capitals or small letters both work.
      </p>
      <ErrorNote message={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || code.trim() === ''}>
          {busy ? 'Enrolling…' : 'Enrol this laptop'}
        </button>
      </div>
    </form>
  );
}
