import { useEffect, useState } from 'react';
import { CONSENT_VERSION } from '../../main/contract/ipc';
import type { PrivacyTerms } from '../../main/contract/protocol';
import { messageOf, useApi } from '../api';
import { ErrorNote } from '../ui/ErrorNote';
import { StepHeading } from '../ui/StepHeading';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * What is collected, why, for how long (the HR service's own retention, asked for first), and the
 * human alternative. The camera check is opt-in: its box starts unticked, and left so, the hire is
 * checked by a person and the camera step never opens. The answer goes into every report.
 */
export function ConsentStep({ onNext }: { onNext: () => void }) {
  const api = useApi();
  const [terms, setTerms] = useState<PrivacyTerms | null>(null);
  const [biometric, setBiometric] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const loadTerms = () => {
    setError(null);
    api
      .getConsentTerms({})
      .then(setTerms, (e: unknown) =>
        setError(
          `The retention periods could not be read from HR, so consent cannot be asked yet: ${messageOf(e)}`,
        ),
      );
  };
  useEffect(loadTerms, [api]);

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
    <section className="step" aria-busy={!terms && !error}>
      <StepHeading>Before we start</StepHeading>
      <h2>What HireProof collects</h2>
      <ul className="plain-list">
        <li>This laptop&apos;s hardware identity: serial number, model, disks and network cards.</li>
        <li>
          Which remote-control programs, remote sessions, displays, USB devices and cameras are present.
        </li>
        <li>How you type and react (timings only, never what you type).</li>
      </ul>
      <p>
        To confirm that the person hired is the person working, on the company&apos;s laptop. Your report is
        signed by this laptop and sent only to your employer&apos;s HR.
      </p>
      <h2>The camera check is your choice</h2>
      {terms ? (
        <p>
          With your agreement, a few camera frames of your face and the movements you make are compared with
          the photo on your ID. Frames, movements and your ID photo are deleted {days(terms.retentionDays)}{' '}
          after you are verified, or {days(terms.unverifiedRetentionDays)} after they were taken if you are
          not verified. The face template made from your ID photo is kept while you work here and deleted when
          you leave.
        </p>
      ) : (
        !error && <progress aria-label="Reading the retention periods" />
      )}
      <p>
        If you leave the box unticked, HR arranges a short video call with a person instead and nothing about
        your face is collected. You can withdraw this agreement later from HireProof&apos;s home screen; your
        face data is then deleted.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={biometric}
          disabled={!terms}
          onChange={(e) => setBiometric(e.target.checked)}
        />
        I agree to the camera check (face frames compared with my ID photo)
      </label>
      <p className="note">Consent text version {CONSENT_VERSION}.</p>
      <ErrorNote message={error} />
      <div className="actions">
        {!terms && error && (
          <button type="button" onClick={loadTerms}>
            Try again
          </button>
        )}
        <button type="button" className="primary" onClick={() => void accept()} disabled={saving || !terms}>
          Continue
        </button>
      </div>
    </section>
  );
}
