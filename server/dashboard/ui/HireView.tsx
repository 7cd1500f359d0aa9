import { useState } from 'react';
import { ApiError, call, hrApi, type ReportSummary } from './api';
import { AuditTrail } from './AuditTrail';
import { formatTime } from './format';
import { HireActions } from './HireActions';
import { Link } from './Link';
import { LinkedHires } from './LinkedHires';
import { MailDeliveries } from './MailDeliveries';
import { Problem } from './Problem';
import { ReportCard } from './ReportCard';
import { useMay } from './role';
import { StatusBadge } from './StatusBadge';
import { useApi } from './useApi';

/** One hire: who, which laptop, the report timeline with verdicts and reasons, and the audit trail. */
export function HireView({ id, onSignedOut }: { id: string; onSignedOut: () => void }) {
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const mayLinks = useMay('hireLinks');
  const mayAudit = useMay('audit');
  const hire = useApi(`hire:${id}:${version}`, () => call(hrApi.hire, { params: { id } }), onSignedOut);
  const reviewed = (verdict: string) => {
    setAnnouncement(`Review saved: the report is now ${verdict}.`);
    setVersion((v) => v + 1);
  };
  const dismissed = () => {
    setAnnouncement('Link dismissed: it no longer puts these hires in review.');
    setVersion((v) => v + 1);
  };

  if (hire.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (hire.state === 'failed')
    return (
      <>
        <h1 tabIndex={-1}>Hire</h1>
        <Problem error={hire.error} />
        <Link to={{ page: 'overview' }}>Back to all hires</Link>
      </>
    );
  const h = hire.data;
  const expected = [
    h.expectedDevice.serial && `serial ${h.expectedDevice.serial}`,
    h.expectedDevice.assetTag && `asset tag ${h.expectedDevice.assetTag}`,
  ].filter(Boolean);
  return (
    <>
      <p className="crumbs">
        <Link to={{ page: 'overview' }}>All hires</Link>
      </p>
      <div className="page-head">
        <h1 tabIndex={-1}>{h.name}</h1>
        <StatusBadge status={h.status} />
      </div>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{h.email}</dd>
        {h.externalId ? (
          <>
            <dt>Employee id</dt>
            <dd>{h.externalId}</dd>
          </>
        ) : null}
        <dt>Expected laptop</dt>
        <dd>{expected.length ? expected.join(', ') : 'not given'}</dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={h.createdAt}>{formatTime(h.createdAt)}</time>
        </dd>
        {h.newIdPhotoNeeded ? (
          <>
            <dt>ID photo</dt>
            <dd>
              a new one is needed: the face template was made by a face model the server no longer matches
              with, and no retained ID photo could renew it (reports go to review until then)
            </dd>
          </>
        ) : null}
        <dt>Verified</dt>
        <dd>{h.verifiedAt ? <time dateTime={h.verifiedAt}>{formatTime(h.verifiedAt)}</time> : 'not yet'}</dd>
        <dt>Devices</dt>
        <dd>
          {h.devices.length === 0
            ? 'none enrolled yet (the code has not been used)'
            : h.devices.map((d) => (
                <span key={d.id} className="device">
                  key <code>{d.keyThumbprint.slice(0, 12)}</code>, enrolled {formatTime(d.enrolledAt)}
                  {d.revokedAt
                    ? `, revoked ${formatTime(d.revokedAt)}`
                    : d.client === 'app'
                      ? `, next check due ${formatTime(d.nextDueAt)}`
                      : ' (headless device checks)'}
                </span>
              ))}
        </dd>
      </dl>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {h.offboardedAt ? null : (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">Enrolment</h2>
          <HireActions
            hireId={h.id}
            email={h.email}
            onChanged={(words) => {
              setAnnouncement(words);
              setVersion((v) => v + 1);
            }}
            onSignedOut={onSignedOut}
          />
        </section>
      )}
      <section aria-labelledby="mail-heading">
        <h2 id="mail-heading">Email to the hire</h2>
        <MailDeliveries mail={h.mail} />
      </section>
      {mayLinks ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">Linked hires</h2>
          <LinkedHires hireId={h.id} version={version} onDismissed={dismissed} onSignedOut={onSignedOut} />
        </section>
      ) : null}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <Timeline
          key={hire.key}
          hireId={h.id}
          first={h.reports}
          next={h.nextReports}
          photosDeletedAt={h.photosDeletedAt}
          onReviewed={reviewed}
          onSignedOut={onSignedOut}
        />
      </section>
      {mayAudit ? (
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading">Audit trail</h2>
          <AuditTrail hireId={h.id} version={version} onSignedOut={onSignedOut} />
        </section>
      ) : null}
    </>
  );
}

/** The hire's reports, newest first: the first page comes with the hire, older ones on request. */
function Timeline({
  hireId,
  first,
  next,
  photosDeletedAt,
  onReviewed,
  onSignedOut,
}: {
  hireId: string;
  first: ReportSummary[];
  next: string | null;
  photosDeletedAt: string | null;
  onReviewed: (verdict: string) => void;
  onSignedOut: () => void;
}) {
  const [reports, setReports] = useState(first);
  const [cursor, setCursor] = useState(next);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const older = async (from: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await call(hrApi.hireReports, { params: { id: hireId }, query: { cursor: from } });
      setReports((shown) => [...shown, ...page.reports]);
      setCursor(page.next);
    } catch (failure) {
      const refusal = failure instanceof ApiError ? failure : new ApiError(0, 'unknown', String(failure));
      if (refusal.status === 401) onSignedOut();
      setError(refusal);
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      {reports.length === 0 ? <p>No reports yet.</p> : null}
      <ol className="timeline">
        {reports.map((report) => (
          <li key={report.id}>
            <ReportCard
              hireId={hireId}
              report={report}
              photosDeletedAt={photosDeletedAt}
              onReviewed={onReviewed}
              onSignedOut={onSignedOut}
            />
          </li>
        ))}
      </ol>
      {error ? <Problem error={error} /> : null}
      {cursor ? (
        <button type="button" className="secondary" disabled={loading} onClick={() => void older(cursor)}>
          {loading ? 'Loading…' : 'Show older reports'}
        </button>
      ) : null}
    </>
  );
}
