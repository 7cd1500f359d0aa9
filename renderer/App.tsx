import { useCallback, useEffect, useState } from 'react';
import type { DeviceStatus } from '../main/contract/ipc';
import { messageOf, useApi } from './api';
import { Helpdesk } from './helpdesk/Helpdesk';
import { AttestationFlow } from './onboarding/AttestationFlow';
import { Onboarding } from './onboarding/Onboarding';
import { AllSet } from './reattest/AllSet';
import { ReattestPrompt } from './reattest/ReattestPrompt';
import { ErrorNote } from './ui/ErrorNote';

type View = 'home' | 'reattest';

const useHashRoute = () => {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const changed = () => setHash(window.location.hash);
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return hash;
};

/** Three modes: first-day onboarding (not enrolled), re-attestation (due), helpdesk (#/helpdesk). */
export function App() {
  const api = useApi();
  const hash = useHashRoute();
  const [status, setStatus] = useState<DeviceStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>('home');
  const [deferred, setDeferred] = useState(false);
  const [setupNote, setSetupNote] = useState('Setting up');

  const refresh = useCallback(() => {
    api.getStatus({}).then(setStatus, (e: unknown) => setError(messageOf(e)));
  }, [api]);
  useEffect(refresh, [refresh]);
  useEffect(() => api.onRecheckRequested(() => setView('reattest')), [api]);

  // Counted in main against the policy's limit; the prompt returns when the window opens again.
  const later = () => {
    api.deferReattestation({}).then(
      (next) => {
        setStatus(next);
        setDeferred(true);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };

  const finished = () => {
    setView('home');
    refresh();
  };

  let content;
  if (hash === '#/helpdesk') content = <Helpdesk />;
  else if (!status) content = error ? null : <p aria-busy="true">Loading…</p>;
  else if (!status.enrolled)
    content = <Onboarding status={status} onFinished={finished} onProgress={setSetupNote} />;
  else if (view === 'reattest') content = <AttestationFlow kind="reattestation" onFinished={finished} />;
  else if (status.reattestation?.due && !deferred)
    content = <ReattestPrompt status={status} onStart={() => setView('reattest')} onLater={later} />;
  else content = <AllSet status={status} onCheckNow={() => setView('reattest')} onStatus={setStatus} />;

  return (
    <>
      <header className="app-header">
        <span className="brand">HireProof</span>
        {hash === '#/helpdesk' ? (
          <a href="#/">Back to HireProof</a>
        ) : (
          <span className="header-note">{status?.enrolled ? 'Enrolled' : setupNote}</span>
        )}
      </header>
      <main className="page" id="main">
        <ErrorNote message={error} />
        {content}
      </main>
    </>
  );
}
