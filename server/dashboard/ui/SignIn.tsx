import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../main/contract/hr-api';
import { ApiError, call, hrApi } from './api';

/** Why a sign-in through the provider came back refused (the server's `signInError` codes). */
const PROVIDER_REFUSALS: Record<string, string> = {
  'auth.oidc-state':
    'That sign-in was already used, took too long, or began in another browser. Sign in again.',
  'auth.oidc-refused':
    'The identity provider’s answer could not be verified. Sign in again; if it keeps failing, ask IT (the HR service’s log says why).',
  'auth.oidc-not-allowed':
    'Your account is not one allowed to use HireProof. Ask IT to add you to an allowed group.',
  'auth.oidc-no-role': 'You signed in, but have no HireProof role yet. Ask an HR admin to assign you one.',
  'auth.oidc-unreachable':
    'The identity provider cannot be reached. Try again in a moment, or sign in with an API token.',
  'auth.oidc-no-email': 'The identity provider did not share a verified email address for your account.',
};

/** The refusal the provider's return left in the address, read once and taken out of it. */
function providerRefusal(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('signInError');
  if (!code) return null;
  url.searchParams.delete('signInError');
  window.history.replaceState(null, '', url);
  return PROVIDER_REFUSALS[code] ?? `The sign-in was refused (${code}).`;
}

/**
 * HR signs in through the company's OpenID provider when one is set up, or with an API token;
 * either way the browser keeps only the httpOnly session cookie it gets back.
 */
export function SignIn({
  onSignedIn,
  notice,
}: {
  onSignedIn: (session: SessionInfo) => void;
  notice?: string;
}) {
  const id = useId();
  const [refusal] = useState(providerRefusal);
  const [error, setError] = useState<string | null>(null);
  /** The provider's name; null: none is set up; undefined: not known yet. */
  const [provider, setProvider] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    call(hrApi.signInOptions, {}).then(
      ({ oidc }) => setProvider(oidc?.providerName ?? null),
      () => setProvider(null),
    );
  }, []);
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
      onSignedIn(session);
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

  const tokenForm = (
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
  );

  return (
    <main id="main" className="sign-in">
      <h1>HireProof HR</h1>
      {notice ? <p className="notice">{notice}</p> : null}
      {provider ? (
        <>
          <p>
            <a className="button" href={hrApi.oidcSignIn.path}>
              Sign in with {provider}
            </a>
          </p>
          {refusal ? (
            <p className="error" role="alert">
              {refusal}
            </p>
          ) : null}
          <details>
            <summary>Use an API token</summary>
            {tokenForm}
          </details>
        </>
      ) : provider === null ? (
        tokenForm
      ) : null}
    </main>
  );
}
