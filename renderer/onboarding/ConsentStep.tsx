import { useState } from 'react';
import { CONSENT_VERSION } from '../../main/contract/ipc';
import { messageOf, useApi } from '../api';
import { ErrorNote } from '../ui/ErrorNote';
import { StepHeading } from '../ui/StepHeading';

/** What is collected, why, for how long, and the human alternative; the answer goes into the report. */
export function ConsentStep({ onNext }: { onNext: () => void }) {
  const api = useApi();
  const [biometric, setBiometric] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const accept = async () => {
    setSaving(true);
    try {
      await api.recordConsent({ biometric });
      onNext();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="step">
      <StepHeading>Before we start</StepHeading>
      <h2>What HireProof collects</h2>
      <ul className="plain-list">
        <li>This laptop&apos;s hardware identity: serial number, model, disks and network cards.</li>
        <li>
          Which remote-control programs, remote sessions, displays, USB devices and cameras are present.
        </li>
        <li>How you type and react (timings only, never what you type).</li>
        <li>A few camera frames of your face, to compare with the photo on your ID.</li>
      </ul>
      <h2>Why, and for how long</h2>
      <p>
        To confirm that the person hired is the person working, on the company&apos;s laptop. Your report is
        signed by this laptop and sent only to your employer&apos;s HR. Face frames are deleted 30 days after
        you are verified.
      </p>
      <h2>If you would rather not use the camera</h2>
      <p>
        Untick the box below. HR will arrange a short video call with a person instead; nothing about your
        face is collected.
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={biometric} onChange={(e) => setBiometric(e.target.checked)} />I agree
        to the camera check (face frames compared with my ID photo)
      </label>
      <p className="note">Consent text version {CONSENT_VERSION}.</p>
      <ErrorNote message={error} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void accept()} disabled={saving}>
          I agree, continue
        </button>
      </div>
    </section>
  );
}
