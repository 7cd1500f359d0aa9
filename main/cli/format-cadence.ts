import type { CadenceAnalysis } from '../contract/cadence/analyze';
import type { CheckResult } from '../contract/checks';

/** What a helpdesk agent reads: the decision, each indicator against its limit, then the raw features. */
export function formatCadence(analysis: CadenceAnalysis, result: CheckResult, truncated: boolean): string {
  const lines = [`Decision: ${analysis.decision.toUpperCase()}  ${result.summary}`, ''];
  lines.push('Indicators (remote when past the limit):');
  for (const r of analysis.indicators) {
    const value = r.value === null ? '—' : format(r.value);
    const mark = !r.enough ? 'n/a ' : r.fired ? 'FIRE' : 'ok  ';
    const limit = `${r.direction === 'above' ? '>' : '<'} ${r.limit}`;
    lines.push(`  ${mark}  ${r.name.padEnd(20)} ${value.padStart(9)} ${r.unit.padEnd(5)} limit ${limit}`);
  }
  lines.push('', 'Features:');
  for (const row of result.evidence.filter((e) => e.limit === null)) {
    const value = row.value === null ? '—' : String(row.value);
    lines.push(`  ${String(row.feature).padEnd(26)} ${value.padStart(9)} ${String(row.unit)}`);
  }
  if (truncated) lines.push('', 'Note: the recorder hit a size limit; the trace is truncated.');
  return lines.join('\n') + '\n';
}

function format(value: number): string {
  return Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3);
}
