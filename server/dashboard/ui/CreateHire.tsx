import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, call, hrApi, type EnrolmentCodeIssued, type NewHire } from './api';
import { formatTime } from './format';
import { Link } from './Link';
import { readPhoto } from './read-photo';

type Created = EnrolmentCodeIssued & { name: string; email: string };

const text = (form: FormData, field: string) => {
  const value = form.get(field);
  return typeof value === 'string' ? value.trim() : '';
};

/** HR creates a hire; the enrolment code is shown here once and never again (the server keeps its hash). */
export function CreateHire({ onSignedOut }: { onSignedOut: () => void }) {
  const id = useId();
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const photo = form.get('idPhoto');
    const name = text(form, 'name');
    const email = text(form, 'email');
    const missing = [
      !name && 'a name',
      !email && 'an email',
      !(photo instanceof File && photo.size > 0) && 'an ID photo',
    ].filter(Boolean);
    if (missing.length > 0) {
      setError(`Add ${missing.join(', ')}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const serial = text(form, 'serial');
      const assetTag = text(form, 'assetTag');
      const externalId = text(form, 'externalId');
      const hire: NewHire = {
        name,
        email,
        ...(externalId ? { externalId } : {}),
        idPhoto: await readPhoto(photo as File),
        ...(serial || assetTag
          ? { expectedDevice: { ...(serial ? { serial } : {}), ...(assetTag ? { assetTag } : {}) } }
          : {}),
      };
      const answer = await call(hrApi.createHire, { body: hire });
      setCreated({ ...answer, name, email });
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) onSignedOut();
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  if (created) return <CodeOnce created={created} onAnother={() => setCreated(null)} />;

  return (
    <>
      <h1 tabIndex={-1}>New hire</h1>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-describedby={`${id}-about`}>
        <p id={`${id}-about`} className="hint">
          The hire gets a one-time enrolment code for the HireProof app. The ID photo is stored encrypted and
          deleted under the retention policy.
        </p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Full name</label>
          <input id={`${id}-name`} name="name" autoComplete="off" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>Work email</label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="off" required maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-external`}>Employee id in your HR system (optional)</label>
          <input
            id={`${id}-external`}
            name="externalId"
            autoComplete="off"
            maxLength={128}
            spellCheck={false}
          />
        </div>
        <fieldset>
          <legend>Expected laptop (from IT's inventory, optional)</legend>
          <div className="field">
            <label htmlFor={`${id}-serial`}>Serial number</label>
            <input id={`${id}-serial`} name="serial" autoComplete="off" maxLength={128} spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-asset`}>Asset tag</label>
            <input id={`${id}-asset`} name="assetTag" autoComplete="off" maxLength={128} spellCheck={false} />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-photo`}>ID photo</label>
          <input
            id={`${id}-photo`}
            name="idPhoto"
            type="file"
            accept="image/jpeg,image/png"
            required
            aria-describedby={`${id}-photo-hint`}
          />
          <p id={`${id}-photo-hint`} className="hint">
            JPEG or PNG, up to 5 MB, with exactly one clear, frontal face.
          </p>
        </div>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Checking the ID photo…' : 'Create hire'}
          </button>
          <Link to={{ page: 'overview' }}>Cancel</Link>
        </div>
      </form>
    </>
  );
}

function CodeOnce({ created, onAnother }: { created: Created; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = () =>
    navigator.clipboard.writeText(created.code).then(
      () => setCopied('Copied.'),
      () => setCopied('Copying is not allowed here; select the code and copy it.'),
    );
  return (
    <section className="code-once" aria-labelledby="code-heading">
      <h1 id="code-heading" tabIndex={-1} ref={heading}>
        Enrolment code for {created.name}
      </h1>
      {created.invitation ? (
        <p role="status">
          An invitation with this code is on its way to {created.email}; the hire’s page shows whether the
          mail server accepted it.
        </p>
      ) : null}
      <p className="warning">
        <strong>Shown once.</strong> HireProof keeps only a hash of this code: record it now and give it to
        the hire through a channel you trust.
      </p>
      <p className="code" data-testid="enrolment-code">
        {created.code}
      </p>
      <p>
        Expires <time dateTime={created.codeExpiresAt}>{formatTime(created.codeExpiresAt)}</time>. It works
        once.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy code
        </button>
        <span role="status">{copied}</span>
      </div>
      <div className="actions">
        <Link to={{ page: 'hire', id: created.id }} className="button">
          Open {created.name}
        </Link>
        <button type="button" className="secondary" onClick={onAnother}>
          Create another hire
        </button>
      </div>
    </section>
  );
}
