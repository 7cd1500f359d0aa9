import type { EvidenceRow } from '../../main/contract/checks';

const cell = (value: EvidenceRow[string] | undefined) =>
  value === null || value === undefined ? '—' : String(value);

/**
 * A check's evidence as read: one row per finding, a column per field seen in any row. Shared by
 * the app's helpdesk view and the HR dashboard.
 */
export function EvidenceTable({
  rows,
  caption,
  emptyText,
}: {
  rows: readonly EvidenceRow[];
  caption: string;
  /** Said when there are no rows; without it nothing is shown. */
  emptyText?: string;
}) {
  if (rows.length === 0) return emptyText ? <p className="note">{emptyText}</p> : null;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    // A wide table scrolls sideways; the keyboard can reach and scroll it too.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="evidence">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((column) => (
                <td key={column} title={cell(row[column])}>
                  {cell(row[column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
