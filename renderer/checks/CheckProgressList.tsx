import type { CheckRowState } from './use-check-run';
import { StatusBadge } from './StatusBadge';

/** The live list: each check appears as it starts and shows its outcome as soon as it ends. */
export function CheckProgressList({ rows }: { rows: CheckRowState[] }) {
  const done = rows.filter((r) => r.state === 'done').length;
  // The engine starts every check at once, so the list is complete as soon as the run begins.
  const total = rows.length;
  return (
    <div className="check-progress">
      <label className="progress-label" htmlFor="check-progress-bar">
        {done} of {total} checks done
      </label>
      <progress id="check-progress-bar" max={total || 1} value={done} />
      <ul className="check-list" aria-label="Device checks">
        {rows.map((row) => (
          <li key={row.id} className="check-row" data-check={row.id}>
            <StatusBadge status={row.state === 'running' ? 'running' : (row.result?.status ?? 'pending')} />
            <span className="check-title">{row.title}</span>
            {row.result && row.result.status !== 'pass' && (
              <span className="check-summary">{row.result.summary}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
