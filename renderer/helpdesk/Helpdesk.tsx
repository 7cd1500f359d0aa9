import { useCallback, useEffect, useState } from 'react';
import type { CheckResult } from '../../main/contract/checks';
import type { DeviceIdentity, DeviceStatus, OutboxState } from '../../main/contract/ipc';
import { messageOf, useApi } from '../api';
import { CheckProgressList } from '../checks/CheckProgressList';
import { StatusBadge } from '../checks/StatusBadge';
import { useCheckRun } from '../checks/use-check-run';
import { ErrorNote } from '../ui/ErrorNote';
import { formatTime } from '../ui/format-day';
import { StepHeading } from '../ui/StepHeading';
import { downloadBundle } from './download';
import { EvidenceTable } from '../ui/EvidenceTable';
import { ticketSummary } from './ticket-summary';

/** For IT on a call: everything the app knows, raw. It never submits a verdict. */
export function Helpdesk() {
  const api = useApi();
  const checks = useCheckRun();
  const [status, setStatus] = useState<DeviceStatus | null>(null);
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  const [outbox, setOutbox] = useState<OutboxState | null>(null);
  const [results, setResults] = useState<CheckResult[]>([]);
  const [rerunning, setRerunning] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [summaryText, setSummaryText] = useState<string | null>(null);
  const fail = (e: unknown) => setError(messageOf(e));

  const { run } = checks;
  const runAll = useCallback(async () => {
    const report = await run();
    if (report) setResults(report.checks);
  }, [run]);

  useEffect(() => {
    api.getStatus({}).then(setStatus, fail);
    api.getIdentity({}).then(setIdentity, fail);
    api.getOutbox({}).then(setOutbox, fail);
    void runAll();
  }, [api, runAll]);

  const rerun = async (id: string) => {
    setRerunning(id);
    try {
      const fresh = await api.rerunCheck({ id });
      setResults((r) => r.map((c) => (c.id === id ? fresh : c)));
      setNotice(`${fresh.title} re-run: ${fresh.status}`);
    } catch (e) {
      fail(e);
    } finally {
      setRerunning(null);
    }
  };

  const exportBundle = async () => {
    try {
      const bundle = await api.exportDiagnostics({});
      downloadBundle(bundle);
      setNotice(`Saved ${bundle.fileName}`);
    } catch (e) {
      fail(e);
    }
  };

  const copySummary = async () => {
    const text = ticketSummary({
      status,
      identity,
      outbox,
      report: checks.report ? { ...checks.report, checks: results } : null,
    });
    setSummaryText(text);
    try {
      await navigator.clipboard.writeText(text);
      setNotice('Summary copied');
    } catch {
      setNotice('Copy was blocked: select the summary below and copy it');
    }
  };

  return (
    <section className="helpdesk">
      <StepHeading>Helpdesk</StepHeading>
      <p>Everything HireProof sees on this laptop, for IT. Nothing here is sent to HR.</p>
      <p className="visually-hidden" aria-live="polite">
        {notice || checks.announcement}
      </p>
      <ErrorNote message={error ?? checks.error} />
      <div className="actions">
        <button type="button" onClick={() => void runAll()} disabled={checks.running}>
          Run all checks
        </button>
        <button type="button" onClick={() => void exportBundle()}>
          Export diagnostics
        </button>
        <button type="button" onClick={() => void copySummary()}>
          Copy summary
        </button>
      </div>
      {notice && <p className="note">{notice}</p>}
      {summaryText && (
        <>
          <label htmlFor="ticket-summary">Summary for a ticket</label>
          <textarea id="ticket-summary" readOnly value={summaryText} rows={8} />
        </>
      )}

      <h2>Device</h2>
      <dl className="facts">
        <dt>Enrolled</dt>
        <dd>{status ? (status.enrolled ? `Yes, device ${status.deviceId ?? ''}` : 'No') : '…'}</dd>
        <dt>HR service</dt>
        <dd>{status?.server ?? 'not configured'}</dd>
        <dt>Next check due</dt>
        <dd>
          {status?.schedule
            ? `${formatTime(status.schedule.nextDueAt)}${status.schedule.overdue ? ' (overdue)' : ''}`
            : (status?.scheduleProblem ?? 'unknown')}
        </dd>
        <dt>Last verdict from HR</dt>
        <dd>
          {status?.lastVerdict ? (
            <>
              {status.lastVerdict.verdict} ({formatTime(status.lastVerdict.receivedAt)})
              {status.lastVerdict.reasons.length > 0 && (
                <ul>
                  {status.lastVerdict.reasons.map((r, i) => (
                    <li key={i}>
                      {r.check}: {r.message}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            'none yet'
          )}
        </dd>
        <dt>Identity fingerprint</dt>
        <dd className="mono">{identity?.identity.fingerprint ?? '…'}</dd>
        <dt>Device key</dt>
        <dd className="mono">{identity ? (identity.keyThumbprint ?? 'not created yet') : '…'}</dd>
      </dl>
      {identity && (
        <details>
          <summary>Identity claims</summary>
          <EvidenceTable
            emptyText="No evidence rows."
            caption="Identity claims"
            rows={Object.entries(identity.identity.claims).map(([name, claim]) => ({
              claim: name,
              value: Array.isArray(claim.value) ? claim.value.join(', ') : claim.value,
              source: claim.source,
              unavailable: claim.unavailable ?? null,
            }))}
          />
        </details>
      )}

      <h2>Outbox</h2>
      {outbox ? (
        <p>
          {outbox.queued.length} report(s) waiting to be sent; {outbox.refused.length} refused by HR.
        </p>
      ) : (
        <p>…</p>
      )}
      {outbox && outbox.refused.length > 0 && (
        <EvidenceTable
          emptyText="No evidence rows."
          caption="Reports HR refused"
          rows={outbox.refused.map((r) => ({ ...r }))}
        />
      )}

      <h2>Checks</h2>
      {checks.running && <CheckProgressList rows={checks.rows} />}
      <ul className="helpdesk-checks">
        {results.map((check) => (
          <li key={check.id} data-check={check.id}>
            <details>
              <summary>
                <StatusBadge status={check.status} /> <span className="check-title">{check.title}</span>{' '}
                <span className="mono note">{check.id}</span>
              </summary>
              <p>{check.summary}</p>
              {check.remediation && (
                <p>
                  <strong>Fix:</strong> {check.remediation}
                </p>
              )}
              <p className="note">
                Severity {check.severity}, {check.durationMs} ms{check.reportOnly ? ', report-only' : ''}
              </p>
              <EvidenceTable
                emptyText="No evidence rows."
                caption={`Evidence for ${check.title}`}
                rows={check.evidence}
              />
              <button type="button" onClick={() => void rerun(check.id)} disabled={rerunning !== null}>
                {rerunning === check.id ? 'Re-running…' : `Re-run ${check.title}`}
              </button>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
