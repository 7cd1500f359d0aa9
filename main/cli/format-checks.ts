import { CHECK_STATUS_WORDS } from '../contract/check-status-words';
import type { ChecksReport } from '../contract/checks';

const WORD_WIDTH = Math.max(...Object.values(CHECK_STATUS_WORDS).map((word) => word.length));

/** What a person reads: one line per check, then what to do about each one that did not pass. */
export function formatChecks(report: ChecksReport): string {
  const lines = report.checks.map(
    (c) =>
      `${CHECK_STATUS_WORDS[c.status].padEnd(WORD_WIDTH)}  ${c.id.padEnd(16)} ${c.summary}${c.reportOnly ? ' (report only)' : ''}`,
  );
  const fixes = report.checks.filter((c) => c.remediation !== '');
  if (fixes.length > 0) {
    lines.push('', 'To fix:');
    for (const c of fixes) lines.push(`  - ${c.title}: ${c.remediation}`);
  }
  lines.push(
    '',
    `Verdict: ${report.verdict.toUpperCase()} (${report.checks.length} checks in ${report.durationMs} ms on ${report.platform})`,
  );
  return lines.join('\n') + '\n';
}
