import type { EvidenceRow } from '../../contract/checks';
import type { Outcome } from '../check';

/** One signal a device gave: fail for a known attack device, warn for a look-alike worth a human look. */
export interface Finding {
  verdict: 'fail' | 'warn';
  reason: string;
}

export function strongest(findings: readonly Finding[]): Finding | null {
  return findings.find((f) => f.verdict === 'fail') ?? findings[0] ?? null;
}

export interface Judged {
  /** What the hire would call it: "HDMI-A-1", "video0 (OBS Virtual Camera)". */
  name: string;
  finding: Finding | null;
  row: EvidenceRow;
}

/**
 * The common shape of the device checks: fail beats warn beats unreadable data beats pass, and
 * every device is listed in the evidence with what (if anything) it was taken for.
 */
export function judge(
  items: readonly Judged[],
  errors: readonly EvidenceRow[],
  words: { fail: string; warn: string; error: string; pass: string },
): Omit<Outcome, 'remediation'> {
  const evidence = [
    ...items.map((item) => ({
      ...item.row,
      verdict: item.finding?.verdict ?? 'ok',
      reason: item.finding?.reason ?? null,
    })),
    ...errors,
  ];
  const named = (verdict: Finding['verdict']): string =>
    items
      .filter((item) => item.finding?.verdict === verdict)
      .map((item) => `${item.name}: ${item.finding!.reason}`)
      .join('; ');
  const failed = named('fail');
  if (failed) return { status: 'fail', summary: `${words.fail} ${failed}.`, evidence };
  const warned = named('warn');
  if (warned) return { status: 'warn', summary: `${words.warn} ${warned}.`, evidence };
  if (errors.length > 0) {
    return {
      status: 'error',
      summary: `${words.error} ${errors.map((e) => String(e.error)).join('; ')}`,
      evidence,
    };
  }
  return { status: 'pass', summary: words.pass, evidence };
}
