import type { ChecksReport } from '../../main/contract/checks';
import type { DeviceIdentity, DeviceStatus, OutboxState } from '../../main/contract/ipc';

/** A short plain-text summary IT pastes into a ticket: no evidence rows, no personal data beyond ids. */
export function ticketSummary(parts: {
  status: DeviceStatus | null;
  identity: DeviceIdentity | null;
  outbox: OutboxState | null;
  report: ChecksReport | null;
}): string {
  const { status, identity, outbox, report } = parts;
  const lines = ['HireProof helpdesk summary'];
  lines.push(`Enrolled: ${status?.enrolled ? `yes (device ${status.deviceId ?? '?'})` : 'no'}`);
  if (status?.schedule)
    lines.push(`Next check due: ${status.schedule.nextDueAt}${status.schedule.overdue ? ' (OVERDUE)' : ''}`);
  if (status?.lastVerdict)
    lines.push(`Last verdict from HR: ${status.lastVerdict.verdict} (${status.lastVerdict.receivedAt})`);
  if (identity) {
    const serial = identity.identity.claims.serial.value;
    lines.push(`Identity fingerprint: ${identity.identity.fingerprint}`);
    lines.push(`Serial: ${serial === null ? 'unavailable' : String(serial)}`);
    lines.push(`Device key: ${identity.keyThumbprint ?? 'none yet'}`);
  }
  if (outbox) lines.push(`Outbox: ${outbox.queued.length} waiting, ${outbox.refused.length} refused`);
  if (report) {
    lines.push(`Device checks: ${report.verdict.toUpperCase()} on ${report.platform}`);
    for (const check of report.checks) lines.push(`  [${check.status}] ${check.id}: ${check.summary}`);
  }
  return lines.join('\n') + '\n';
}
