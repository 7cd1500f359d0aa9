import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, call, hrApi } from './api';

/** HR signs in with an API token; the browser keeps only the httpOnly session cookie it gets back. */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (actor: string) => void; notice?: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = new FormData(event.currentTarget).get('token');
    if (typeof token !== 'string' || token.trim() === '') {
      setError('Enter your HR API token.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await call(hrApi.signIn, { body: { token: token.trim() } });
      onSignedIn(session.actor);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401
          ? 'That token is not valid. Check it, or ask for a new one (hireproof admin token create).'
          : failure instanceof Error
            ? failure.message
            : String(failure),
      );
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>HireProof HR</h1>
      {notice ? <p className="notice">{notice}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-token`}>HR API token</label>
        <input
          ref={input}
          id={`${id}-token`}
          name="token"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="hint">
          A token from <code>hireproof admin token create</code>. It is exchanged for a session that lasts 8
          hours and is never stored by this page.
        </p>
        {error ? (
          <p id={`${id}-error`} className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
