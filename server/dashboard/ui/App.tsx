import { useEffect, useRef, useState } from 'react';
import type { Role } from '../../../main/contract/hr-api';
import { mayCall } from '../../../main/contract/hr-roles';
import { ApiError, call, hrApi } from './api';
import { CreateHire } from './CreateHire';
import { HireView } from './HireView';
import { LinksPage } from './LinksPage';
import { Link } from './Link';
import { Overview } from './Overview';
import { PeoplePage } from './PeoplePage';
import { EmailsHiresContext, RoleContext, ROLE_WORDS } from './role';
import { useRoute } from './router';
import { SignIn } from './SignIn';

type Session =
  | { state: 'checking' }
  | { state: 'out'; notice?: string }
  | { state: 'in'; actor: string; role: Role; emailsHires: boolean };

/** How the header names who is signed in: the person's email, or the token's name. */
const shownActor = (actor: string) => actor.replace(/^(session|person|token):/, '');

/** The HR dashboard: sign-in, then the page the address names. */
export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  useEffect(() => {
    call(hrApi.session, {}).then(
      ({ actor, role, emailsHires }) => setSession({ state: 'in', actor, role, emailsHires }),
      (error: unknown) =>
        setSession({
          state: 'out',
          notice: error instanceof ApiError && error.status !== 401 ? error.message : undefined,
        }),
    );
  }, []);

  // After moving to another page, start the keyboard and the screen reader at its top (a new
  // filter on the same page keeps the focus where it is).
  const pageKey = route.page === 'hire' ? `hire:${route.id}` : route.page;
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    main.current?.focus();
  }, [pageKey]);

  const signedOut = () =>
    setSession((s) =>
      s.state === 'in' ? { state: 'out', notice: 'Your session has ended; sign in again.' } : s,
    );
  // Signed in through the provider: its end-session page ends the sign-in there too.
  const signOut = () =>
    void call(hrApi.signOut, {}).then(
      ({ logoutUrl }) =>
        logoutUrl
          ? window.location.assign(logoutUrl)
          : setSession({ state: 'out', notice: 'You are signed out.' }),
      () => setSession({ state: 'out', notice: 'You are signed out.' }),
    );
  const may = (route: 'createHire' | 'links' | 'people') =>
    session.state === 'in' && mayCall(session.role, route);

  if (session.state === 'checking') return <p aria-live="polite">Loading…</p>;
  if (session.state === 'out')
    return (
      <SignIn
        notice={session.notice}
        onSignedIn={({ actor, role, emailsHires }) => setSession({ state: 'in', actor, role, emailsHires })}
      />
    );

  return (
    <RoleContext.Provider value={session.role}>
      <EmailsHiresContext.Provider value={session.emailsHires}>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="top">
          <Link to={{ page: 'overview' }} className="brand">
            HireProof HR
          </Link>
          <nav aria-label="Main">
            <Link to={{ page: 'overview' }}>Hires</Link>
            {may('createHire') ? <Link to={{ page: 'new-hire' }}>New hire</Link> : null}
            {may('links') ? <Link to={{ page: 'links' }}>Linked hires</Link> : null}
            {may('people') ? <Link to={{ page: 'people' }}>People</Link> : null}
          </nav>
          <span className="who">
            Signed in as {shownActor(session.actor)} ({ROLE_WORDS[session.role]})
          </span>
          <button type="button" className="secondary" onClick={signOut}>
            Sign out
          </button>
        </header>
        <main id="main" ref={main} tabIndex={-1}>
          {route.page === 'overview' ? (
            <Overview status={route.status} q={route.q} onSignedOut={signedOut} />
          ) : null}
          {route.page === 'new-hire' && may('createHire') ? <CreateHire onSignedOut={signedOut} /> : null}
          {route.page === 'links' && may('links') ? <LinksPage onSignedOut={signedOut} /> : null}
          {route.page === 'people' && may('people') ? <PeoplePage onSignedOut={signedOut} /> : null}
          {route.page === 'hire' ? <HireView key={route.id} id={route.id} onSignedOut={signedOut} /> : null}
        </main>
      </EmailsHiresContext.Provider>
    </RoleContext.Provider>
  );
}
