import type { EvidenceRow } from '../../main/contract/checks';

/** A check's raw evidence as read: one row per finding, a column per field. */
export function EvidenceTable({ rows, caption }: { rows: EvidenceRow[]; caption: string }) {
  if (rows.length === 0) return <p className="note">No evidence rows.</p>;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="evidence">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{row[c] === undefined || row[c] === null ? '' : String(row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
