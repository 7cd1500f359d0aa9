import type { EvidenceRow } from './api';

const cell = (value: EvidenceRow[string] | undefined) =>
  value === null || value === undefined ? '—' : String(value);

/** Evidence rows as a table: one column per key seen in any row. */
export function EvidenceTable({ rows, caption }: { rows: readonly EvidenceRow[]; caption: string }) {
  if (rows.length === 0) return null;
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
