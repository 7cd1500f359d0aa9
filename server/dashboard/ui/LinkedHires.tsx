import { call, hrApi } from './api';
import { DismissLinkForm } from './DismissLinkForm';
import { FARM_ADVICE, FARM_CHECK_LABEL } from './farm-words';
import { formatTime } from './format';
import { Link } from './Link';
import { Problem } from './Problem';
import { StatusBadge } from './StatusBadge';
import { useApi } from './useApi';

/** The other hires this one is linked to by farm signals, with what they share. */
export function LinkedHires({
  hireId,
  version,
  onDismissed,
  onSignedOut,
}: {
  hireId: string;
  version: number;
  /** A link was dismissed: the hire's reports and trail changed too. */
  onDismissed: () => void;
  onSignedOut: () => void;
}) {
  const links = useApi(
    `links:${hireId}:${version}`,
    () => call(hrApi.hireLinks, { params: { id: hireId } }),
    onSignedOut,
  );
  if (links.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (links.state === 'failed') return <Problem error={links.error} />;
  if (links.data.links.length === 0)
    return <p>None: no other hire shares this hire’s hardware, place or face.</p>;
  return (
    <>
      <p className="hint">{FARM_ADVICE}</p>
      <div className="table-scroll">
        <table className="links">
          <caption className="visually-hidden">Linked hires</caption>
          <thead>
            <tr>
              <th scope="col">Hire</th>
              <th scope="col">Status</th>
              <th scope="col">Signal</th>
              <th scope="col">What they share</th>
              <th scope="col">Found</th>
              <th scope="col">HR’s decision</th>
            </tr>
          </thead>
          <tbody>
            {links.data.links.map((link) => (
              <tr key={`${link.hireId}:${link.signal}`}>
                <th scope="row">
                  <Link to={{ page: 'hire', id: link.hireId }}>{link.name}</Link>
                  <br />
                  <span className="muted">{link.email}</span>
                </th>
                <td>
                  <StatusBadge status={link.status} />
                </td>
                <td>{FARM_CHECK_LABEL[link.check]}</td>
                <td>{link.shared}</td>
                <td>
                  <time dateTime={link.foundAt}>{formatTime(link.foundAt)}</time>
                </td>
                <td>
                  {link.dismissal ? (
                    <>
                      Dismissed by {link.dismissal.by}: “{link.dismissal.reason}”
                      <br />
                      <time className="muted" dateTime={link.dismissal.at}>
                        {formatTime(link.dismissal.at)}
                      </time>
                    </>
                  ) : (
                    <DismissLinkForm
                      hireId={hireId}
                      otherHireId={link.hireId}
                      otherName={link.name}
                      onDismissed={onDismissed}
                      onSignedOut={onSignedOut}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
