import { useState } from 'react';
import { ApiError, call, hrApi, type AuditEntry } from './api';
import { formatTime } from './format';
import { Problem } from './Problem';
import { useApi } from './useApi';

const detailOf = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');

/** Who viewed or changed this hire and its reports, newest first; older entries on request. */
export function AuditTrail({
  hireId,
  version,
  onSignedOut,
}: {
  hireId: string;
  version: number;
  onSignedOut: () => void;
}) {
  const first = useApi(
    `audit:${hireId}:${version}`,
    () => call(hrApi.audit, { params: { id: hireId } }),
    onSignedOut,
  );
  if (first.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (first.state === 'failed') return <Problem error={first.error} />;
  return (
    <Entries
      key={first.key}
      hireId={hireId}
      first={first.data.entries}
      next={first.data.next}
      onSignedOut={onSignedOut}
    />
  );
}

function Entries({
  hireId,
  first,
  next,
  onSignedOut,
}: {
  hireId: string;
  first: AuditEntry[];
  next: string | null;
  onSignedOut: () => void;
}) {
  const [entries, setEntries] = useState(first);
  const [cursor, setCursor] = useState(next);
  const [error, setError] = useState<ApiError | null>(null);
  const older = async (from: string) => {
    try {
      const page = await call(hrApi.audit, { params: { id: hireId }, query: { cursor: from } });
      setEntries((shown) => [...shown, ...page.entries]);
      setCursor(page.next);
    } catch (failure) {
      const refusal = failure instanceof ApiError ? failure : new ApiError(0, 'unknown', String(failure));
      if (refusal.status === 401) onSignedOut();
      setError(refusal);
    }
  };
  return (
    <>
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
            {entries.map((entry, i) => (
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
      {error ? <Problem error={error} /> : null}
      {cursor ? (
        <button type="button" className="secondary" onClick={() => void older(cursor)}>
          Show older entries
        </button>
      ) : null}
    </>
  );
}
