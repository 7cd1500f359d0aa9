import { api, type HireSummary } from './api';
import { formatDate, STATUS_LABEL, STATUS_ORDER } from './format';
import { Link } from './Link';
import { StatusBadge } from './StatusBadge';
import { useApi } from './useApi';
import { VerdictChart } from './VerdictChart';
import { Problem } from './Problem';

const CHART_DAYS = 30;

/** Hires at a glance: how many stand where, verdicts over time, and every hire. */
export function Overview({ onSignedOut }: { onSignedOut: () => void }) {
  const hires = useApi('hires', api.hires, onSignedOut);
  const stats = useApi('verdicts', () => api.verdicts(CHART_DAYS), onSignedOut);

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>Hires</h1>
        <Link to={{ page: 'new-hire' }} className="button">
          New hire
        </Link>
      </div>
      {hires.state === 'failed' ? <Problem error={hires.error} /> : null}
      {hires.state === 'ready' ? <StatusCounts hires={hires.data.hires} /> : null}
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Verdicts, last {CHART_DAYS} days</h2>
        {stats.state === 'loading' ? <p aria-live="polite">Loading…</p> : null}
        {stats.state === 'failed' ? <Problem error={stats.error} /> : null}
        {stats.state === 'ready' ? <VerdictChart days={stats.data.days} /> : null}
      </section>
      <section aria-labelledby="hires-heading">
        <h2 id="hires-heading">All hires</h2>
        {hires.state === 'loading' ? <p aria-live="polite">Loading…</p> : null}
        {hires.state === 'ready' ? <HireTable hires={hires.data.hires} /> : null}
      </section>
    </>
  );
}

function StatusCounts({ hires }: { hires: HireSummary[] }) {
  return (
    <section aria-labelledby="glance-heading">
      <h2 id="glance-heading" className="visually-hidden">
        At a glance
      </h2>
      <ul className="counts">
        {STATUS_ORDER.map((status) => (
          <li key={status} className={`count count-${status}`}>
            <span className="count-number">{hires.filter((h) => h.status === status).length}</span>
            <span className="count-label">{STATUS_LABEL[status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function HireTable({ hires }: { hires: HireSummary[] }) {
  if (hires.length === 0)
    return (
      <p>
        No hires yet. <Link to={{ page: 'new-hire' }}>Create the first one</Link>.
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="hires">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {hires.map((hire) => (
            <tr key={hire.id}>
              <th scope="row">
                <Link to={{ page: 'hire', id: hire.id }}>{hire.name}</Link>
              </th>
              <td>{hire.email}</td>
              <td>
                <StatusBadge status={hire.status} />
              </td>
              <td>{formatDate(hire.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
