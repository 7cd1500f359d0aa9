import { api } from './api';
import { formatTime } from './format';
import { Problem } from './Problem';
import { useApi } from './useApi';

const detailOf = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');

/** Who viewed or changed this hire and its reports, newest first. */
export function AuditTrail({
  hireId,
  version,
  onSignedOut,
}: {
  hireId: string;
  version: number;
  onSignedOut: () => void;
}) {
  const trail = useApi(`audit:${hireId}:${version}`, () => api.audit(hireId), onSignedOut);
  if (trail.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (trail.state === 'failed') return <Problem error={trail.error} />;
  return (
    <div className="table-scroll">
      <table className="audit">
        <caption className="visually-hidden">Audit trail</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {trail.data.entries.map((entry, i) => (
            <tr key={i}>
              <td>
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              </td>
              <td>{entry.actor}</td>
              <td>{entry.action}</td>
              <td>{detailOf(entry.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
