import { strToU8, zipSync } from 'fflate';
import type { ChecksReport } from '../contract/checks';
import type { DeviceIdentity, DeviceStatus, DiagnosticsBundle, OutboxState } from '../contract/ipc';
import { redact, REDACTIONS, type RedactionContext } from './redact';

export interface DiagnosticsParts {
  appVersion: string;
  generatedAt: Date;
  status: DeviceStatus;
  checks: ChecksReport;
  identity: DeviceIdentity;
  /** Report ids and sizes only: a queued report's body holds face frames and never goes in. */
  outbox: OutboxState;
  /** What the probes read in the last run (see raw-outputs.ts), by file name; text, not JSON. */
  raw: Record<string, string>;
}

/**
 * The redacted bundle IT attaches to a ticket: one JSON file per part in a zip (fflate, deflate),
 * with a manifest that says what was redacted, and the raw outputs the probes read. It never holds
 * face data or the signed reports.
 */
export function diagnosticsBundle(parts: DiagnosticsParts, context: RedactionContext): DiagnosticsBundle {
  const files: Record<string, unknown> = {
    'manifest.json': {
      schema: 'hireproof.diagnostics/v1',
      appVersion: parts.appVersion,
      generatedAt: parts.generatedAt.toISOString(),
      redactions: REDACTIONS,
    },
    'status.json': parts.status,
    'checks.json': parts.checks,
    'identity.json': parts.identity,
    'outbox.json': parts.outbox,
  };
  const texts: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(files).map(([name, value]) => [
        name,
        JSON.stringify(redact(value, context), null, 2) + '\n',
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(parts.raw).map(([name, text]) => [name, String(redact(text, context))]),
    ),
  };
  const zip = zipSync(
    Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, strToU8(text)])),
    { level: 6, mtime: parts.generatedAt },
  );
  const stamp = parts.generatedAt.toISOString().replace(/[:.]/g, '-');
  return {
    fileName: `hireproof-diagnostics-${stamp}.zip`,
    base64: Buffer.from(zip).toString('base64'),
    entries: Object.keys(texts),
  };
}
