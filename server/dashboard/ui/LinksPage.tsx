import { call, hrApi } from './api';
import { FARM_ADVICE, FARM_CHECK_LABEL } from './farm-words';
import { formatTime } from './format';
import { Link } from './Link';
import { Problem } from './Problem';
import { useApi } from './useApi';

/** The newest links between hires across the company: where a laptop farm would show. */
export function LinksPage({ onSignedOut }: { onSignedOut: () => void }) {
  const links = useApi('links', () => call(hrApi.links, {}), onSignedOut);
  return (
    <>
      <h1 tabIndex={-1}>Linked hires</h1>
      <p className="hint">
        Hires whose reports share hardware, a home network or a face with another hire’s. {FARM_ADVICE}
      </p>
      {links.state === 'loading' ? <p aria-live="polite">Loading…</p> : null}
      {links.state === 'failed' ? <Problem error={links.error} /> : null}
      {links.state === 'ready' && links.data.links.length === 0 ? <p>No linked hires.</p> : null}
      {links.state === 'ready' && links.data.links.length > 0 ? (
        <div className="table-scroll">
          <table className="links">
            <caption className="visually-hidden">Linked hires, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Hire</th>
                <th scope="col">Linked to</th>
                <th scope="col">Signal</th>
                <th scope="col">What they share</th>
                <th scope="col">Found</th>
                <th scope="col">HR’s decision</th>
              </tr>
            </thead>
            <tbody>
              {links.data.links.map((link) => (
                <tr key={`${link.fromHireId}:${link.hireId}:${link.signal}`}>
                  <th scope="row">
                    <Link to={{ page: 'hire', id: link.fromHireId }}>{link.fromName}</Link>
                  </th>
                  <td>
                    <Link to={{ page: 'hire', id: link.hireId }}>{link.name}</Link>
                  </td>
                  <td>{FARM_CHECK_LABEL[link.check]}</td>
                  <td>{link.shared}</td>
                  <td>
                    <time dateTime={link.foundAt}>{formatTime(link.foundAt)}</time>
                  </td>
                  <td>
                    {link.dismissal
                      ? `Dismissed by ${link.dismissal.by}: “${link.dismissal.reason}”`
                      : 'To check (on the hire’s page)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
