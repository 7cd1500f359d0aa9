import { useState } from 'react';
import type { DeviceStatus } from '../../main/contract/ipc';
import { messageOf, useApi } from '../api';
import { ErrorNote } from '../ui/ErrorNote';

/**
 * The hire takes back the camera check: after a confirmation, HR deletes the hire's face data (ID
 * photo, frames, movements, face template) and checks the hire with a person from then on.
 */
export function WithdrawConsent({ onWithdrawn }: { onWithdrawn: (status: DeviceStatus) => void }) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      onWithdrawn(await api.withdrawBiometricConsent({}));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  if (!confirming)
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        Withdraw camera consent
      </button>
    );
  return (
    <div className="withdraw-consent">
      <p>
        HR will delete your ID photo, the camera frames, your movements and the face template made from your
        ID photo, and will check you in a video call with a person from now on.
      </p>
      <ErrorNote message={error} />
      <div className="actions">
        <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
          Keep the camera check
        </button>
        <button type="button" className="primary" onClick={() => void withdraw()} disabled={busy}>
          Withdraw and delete my face data
        </button>
      </div>
    </div>
  );
}
