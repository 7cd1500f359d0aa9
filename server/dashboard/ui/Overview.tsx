import { useState, type FormEvent } from 'react';
import { call, hrApi, type HireStatus, type HireSummary, type StatusCounts } from './api';
import { formatDate, formatTime, STATUS_LABEL, STATUS_ORDER, VERDICT_LABEL } from './format';
import { Link } from './Link';
import { Problem } from './Problem';
import { navigate } from './router';
import { StatusBadge } from './StatusBadge';
import { useApi } from './useApi';
import { VerdictChart } from './VerdictChart';

const CHART_DAYS = 30;
const PAGE = 50;

/** Hires at a glance: how many stand where, verdicts over time, and the hires, a page at a time. */
export function Overview({
  status,
  q,
  onSignedOut,
}: {
  status?: HireStatus;
  q?: string;
  onSignedOut: () => void;
}) {
  const counts = useApi('counts', () => call(hrApi.hireCounts, {}), onSignedOut);
  const stats = useApi(
    'verdicts',
    () => call(hrApi.verdictStats, { query: { days: CHART_DAYS } }),
    onSignedOut,
  );

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>Hires</h1>
        <Link to={{ page: 'new-hire' }} className="button">
          New hire
        </Link>
      </div>
      {counts.state === 'failed' ? <Problem error={counts.error} /> : null}
      {counts.state === 'ready' ? <Counts counts={counts.data} current={status} /> : null}
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Verdicts, last {CHART_DAYS} days</h2>
        {stats.state === 'loading' ? <p aria-live="polite">Loading…</p> : null}
        {stats.state === 'failed' ? <Problem error={stats.error} /> : null}
        {stats.state === 'ready' ? <VerdictChart days={stats.data.days} /> : null}
      </section>
      {/* A new filter starts again from its first page. */}
      <HireList key={`${status ?? ''}|${q ?? ''}`} status={status} q={q} onSignedOut={onSignedOut} />
    </>
  );
}

/** Each count is also the way to the list of those hires. */
function Counts({ counts, current }: { counts: StatusCounts; current?: HireStatus }) {
  return (
    <section aria-labelledby="glance-heading">
      <h2 id="glance-heading" className="visually-hidden">
        At a glance
      </h2>
      <ul className="counts">
        {STATUS_ORDER.map((status) => (
          <li key={status} className={`count count-${status}`}>
            <Link to={{ page: 'overview', status }} className="count-link" current={current === status}>
              <span className="count-number">{counts[status]}</span>
              <span className="count-label">{STATUS_LABEL[status]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="hint">{counts.total.toLocaleString()} hires in all.</p>
    </section>
  );
}

function HireList({ status, q, onSignedOut }: { status?: HireStatus; q?: string; onSignedOut: () => void }) {
  // The cursors of the pages before this one: Next pushes, Previous pops.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const key = `hires:${status ?? ''}:${q ?? ''}:${cursor ?? ''}`;
  const asked = cursors.length + 1;
  // The previous page stays shown while the next loads, so the page carries its own number.
  const page = useApi(
    key,
    async () => ({
      number: asked,
      ...(await call(hrApi.listHires, { query: { status, q, cursor, limit: PAGE } })),
    }),
    onSignedOut,
  );
  const heading = status ? `Hires: ${STATUS_LABEL[status]}` : 'All hires';
  // Paging from a page that is being replaced would push or pop the wrong cursor.
  const settled = page.state === 'ready' && page.key === key;

  return (
    <section aria-labelledby="hires-heading">
      <h2 id="hires-heading">{heading}</h2>
      <Filters status={status} q={q} />
      {page.state === 'loading' ? <p aria-live="polite">Loading…</p> : null}
      {page.state === 'failed' ? <Problem error={page.error} /> : null}
      {page.state === 'ready' ? (
        <>
          <HireTable hires={page.data.hires} filtered={Boolean(status ?? q)} />
          <nav className="pager" aria-label="Pages of hires" aria-busy={!settled}>
            <button
              type="button"
              className="secondary"
              disabled={!settled || cursors.length === 0}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Previous page
            </button>
            <span aria-live="polite">
              Page {page.data.number}
              {page.data.hires.length > 0
                ? `: hires ${(page.data.number - 1) * PAGE + 1}–${(page.data.number - 1) * PAGE + page.data.hires.length}`
                : ''}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={!settled || page.data.next === null}
              onClick={() => {
                const next = page.data.next;
                if (next) setCursors((c) => [...c, next]);
              }}
            >
              Next page
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

/** Search and status filter; applying them changes the address, so Back undoes a filter. */
function Filters({ status, q }: { status?: HireStatus; q?: string }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = form.get('q');
    const chosen = STATUS_ORDER.find((s) => s === form.get('status'));
    navigate({
      page: 'overview',
      ...(typeof text === 'string' && text.trim() ? { q: text.trim() } : {}),
      ...(chosen ? { status: chosen } : {}),
    });
  };
  return (
    <form role="search" className="filters" onSubmit={submit}>
      <div className="field">
        <label htmlFor="hire-search">Name or email</label>
        <input id="hire-search" name="q" type="search" defaultValue={q ?? ''} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="hire-status">Status</label>
        <select id="hire-status" name="status" defaultValue={status ?? ''}>
          <option value="">Any status</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Show hires</button>
      {status || q ? (
        <Link to={{ page: 'overview' }} className="button secondary">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}

function HireTable({ hires, filtered }: { hires: HireSummary[]; filtered: boolean }) {
  if (hires.length === 0)
    return filtered ? (
      <p>No hires match.</p>
    ) : (
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
            <th scope="col">Last report</th>
            <th scope="col">Next check due</th>
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
              <td>
                {hire.latestReportAt && hire.latestVerdict ? (
                  <>
                    {VERDICT_LABEL[hire.latestVerdict]},{' '}
                    <time dateTime={hire.latestReportAt}>{formatTime(hire.latestReportAt)}</time>
                  </>
                ) : (
                  'none yet'
                )}
              </td>
              <td>
                {hire.nextDueAt ? <time dateTime={hire.nextDueAt}>{formatDate(hire.nextDueAt)}</time> : '—'}
              </td>
              <td>{formatDate(hire.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
