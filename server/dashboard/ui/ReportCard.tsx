import { useState } from 'react';
import type { CheckResult } from '../../../main/contract/checks';
import { CHECK_STATUS_WORDS } from '../../../main/contract/check-status-words';
import { ApiError, call, hrApi, type ReportDetail, type ReportSummary } from './api';
import { EvidenceTable } from '../../../renderer/ui/EvidenceTable';
import { FacePhotos } from './FacePhotos';
import { formatTime } from './format';
import { Problem } from './Problem';
import { ReviewForm } from './ReviewForm';
import { useMay } from './role';
import { VerdictBadge } from './StatusBadge';

const KIND_LABEL: Record<string, string> = {
  onboarding: 'First-day run',
  reattestation: 'Re-attestation',
  cli: 'Headless (CLI)',
};

/** One report on a hire's timeline: the server's verdict, its reasons, then every check the device ran. */
export function ReportCard({
  hireId,
  report,
  photosDeletedAt,
  onReviewed,
  onSignedOut,
}: {
  hireId: string;
  report: ReportSummary;
  photosDeletedAt: string | null;
  onReviewed: (verdict: string) => void;
  onSignedOut: () => void;
}) {
  const headingId = `report-${report.id}`;
  const mayReview = useMay('review');
  const maySeeFace = useMay('frames');
  return (
    <article className={`report report-${report.verdict}`} aria-labelledby={headingId}>
      <header className="report-head">
        <h3 id={headingId}>
          {KIND_LABEL[report.kind] ?? report.kind},{' '}
          <time dateTime={report.receivedAt}>{formatTime(report.receivedAt)}</time>
        </h3>
        <VerdictBadge verdict={report.verdict} />
      </header>
      {report.faceStatus === 'pending' ? (
        <p className="hint">The server is still re-checking the face; the verdict may change.</p>
      ) : null}
      <h4>Reasons</h4>
      {report.reasons.length === 0 ? (
        <p>No reasons against this device: every enforced check passed.</p>
      ) : (
        <ul className="reasons">
          {report.reasons.map((reason, i) => (
            <li key={i}>
              <code>{reason.check}</code> {reason.message}
              {reason.evidence ? (
                <EvidenceTable rows={reason.evidence} caption={`Evidence for ${reason.check}`} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {report.review ? (
        <p className="reviewed">
          Reviewed by {report.review.by}: “{report.review.note}”
        </p>
      ) : report.verdict === 'review' && mayReview ? (
        <ReviewForm reportId={report.id} onReviewed={onReviewed} onSignedOut={onSignedOut} />
      ) : null}
      {maySeeFace && (report.hasFaceFrames || report.faceFramesDeletedAt) ? (
        <>
          <h4>Face</h4>
          <FacePhotos
            hireId={hireId}
            reportId={report.id}
            framesDeletedAt={report.faceFramesDeletedAt}
            photoDeletedAt={photosDeletedAt}
            onSignedOut={onSignedOut}
          />
        </>
      ) : null}
      <Checks reportId={report.id} onSignedOut={onSignedOut} />
    </article>
  );
}

type Loaded =
  | { state: 'hidden' }
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | { state: 'shown'; report: ReportDetail };

/** Every check the report carried, with its evidence: fetched only when HR asks for them. */
function Checks({ reportId, onSignedOut }: { reportId: string; onSignedOut: () => void }) {
  const [checks, setChecks] = useState<Loaded>({ state: 'hidden' });
  const show = () => {
    setChecks({ state: 'loading' });
    call(hrApi.report, { params: { id: reportId } }).then(
      (report) => setChecks({ state: 'shown', report }),
      (error: unknown) => {
        const failure = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
        if (failure.status === 401) onSignedOut();
        setChecks({ state: 'failed', error: failure });
      },
    );
  };
  if (checks.state !== 'shown')
    return (
      <div className="checks">
        {checks.state === 'failed' ? <Problem error={checks.error} /> : null}
        <button type="button" className="secondary" disabled={checks.state === 'loading'} onClick={show}>
          {checks.state === 'loading' ? 'Loading checks…' : 'Show every check'}
        </button>
      </div>
    );
  const { report } = checks;
  return (
    <div className="checks">
      <h4>
        All {report.checks.length} checks
        {report.judgedBy === 'device'
          ? ' (as the device reported them: stored before the server judged)'
          : ''}
      </h4>
      <ul>
        {report.checks.map((check) => (
          <CheckRow key={check.id} check={check} />
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => setChecks({ state: 'hidden' })}>
        Hide checks
      </button>
    </div>
  );
}

function CheckRow({ check }: { check: CheckResult }) {
  return (
    <li className={`check check-${check.status.replace('/', '')}`}>
      <span className="check-status">{CHECK_STATUS_WORDS[check.status]}</span> <strong>{check.title}</strong>{' '}
      <code>{check.id}</code>
      {check.reportOnly ? <span className="hint"> (report-only)</span> : null}
      <p>{check.summary}</p>
      {check.evidence.length > 0 ? (
        <details>
          <summary>Evidence ({check.evidence.length})</summary>
          <EvidenceTable rows={check.evidence} caption={`Evidence for ${check.id}`} />
        </details>
      ) : null}
    </li>
  );
}
