import { useId, useState, type FormEvent } from 'react';
import { Role } from '../../../main/contract/hr-api';
import { ApiError, call, hrApi } from './api';
import { formatTime } from './format';
import { Problem } from './Problem';
import { ROLE_WORDS } from './role';
import { useApi } from './useApi';

/**
 * The roles HR gives people who sign in through the company's provider, by email: for those whose
 * groups give none (a role from their groups wins). A change holds from their next sign-in.
 */
export function PeoplePage({ onSignedOut }: { onSignedOut: () => void }) {
  const id = useId();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const people = useApi(`people:${version}`, () => call(hrApi.people, {}), onSignedOut);

  const assign = async (email: string, role: Role | null) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await call(hrApi.assignRole, { body: { email, role } });
      setAnnouncement(
        answer.role
          ? `${answer.email} is ${ROLE_WORDS[answer.role]} from their next sign-in.`
          : `${answer.email} has no assigned role now.`,
      );
      setVersion((v) => v + 1);
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) onSignedOut();
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const field = form.get('email');
    const email = typeof field === 'string' ? field.trim() : '';
    const role = Role.safeParse(form.get('role'));
    if (!email.includes('@')) return setError('Enter the person’s work email.');
    if (!role.success) return setError('Choose a role.');
    if (await assign(email, role.data)) formElement.reset();
  };

  return (
    <>
      <h1 tabIndex={-1}>People</h1>
      <p className="hint">
        Roles for people who sign in through the company’s identity provider and whose groups give them none;
        a role from their groups wins. A change ends their session: it holds from their next sign-in.
      </p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-email`}>Work email</label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="off" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} name="role" defaultValue="reviewer">
            {Role.options.map((role) => (
              <option key={role} value={role}>
                {ROLE_WORDS[role]}
              </option>
            ))}
          </select>
        </div>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          Give this role
        </button>
      </form>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {people.state === 'loading' ? <p aria-live="polite">Loading…</p> : null}
      {people.state === 'failed' ? <Problem error={people.error} /> : null}
      {people.state === 'ready' && people.data.people.length === 0 ? (
        <p>No one has an assigned role.</p>
      ) : null}
      {people.state === 'ready' && people.data.people.length > 0 ? (
        <table>
          <caption className="visually-hidden">Assigned roles</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.data.people.map((person) => (
              <tr key={person.email}>
                <th scope="row">{person.email}</th>
                <td>{ROLE_WORDS[person.role]}</td>
                <td>
                  <time dateTime={person.assignedAt}>{formatTime(person.assignedAt)}</time>
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => void assign(person.email, null)}
                  >
                    Remove role<span className="visually-hidden"> of {person.email}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
