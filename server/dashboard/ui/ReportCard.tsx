import type { CheckResult } from '../../../main/contract/checks';
import type { ReportView } from './api';
import { EvidenceTable } from '../../../renderer/ui/EvidenceTable';
import { FacePhotos } from './FacePhotos';
import { formatTime } from './format';
import { ReviewForm } from './ReviewForm';
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
  report: ReportView;
  photosDeletedAt: string | null;
  onReviewed: (verdict: string) => void;
  onSignedOut: () => void;
}) {
  const headingId = `report-${report.id}`;
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
      ) : report.verdict === 'review' ? (
        <ReviewForm reportId={report.id} onReviewed={onReviewed} onSignedOut={onSignedOut} />
      ) : null}
      {report.hasFaceFrames || report.faceFramesDeletedAt ? (
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
      <details className="checks">
        <summary>All {report.checks.length} checks</summary>
        <ul>
          {report.checks.map((check) => (
            <CheckRow key={check.id} check={check} />
          ))}
        </ul>
      </details>
    </article>
  );
}

function CheckRow({ check }: { check: CheckResult }) {
  return (
    <li className={`check check-${check.status.replace('/', '')}`}>
      <span className="check-status">{check.status.toUpperCase()}</span> <strong>{check.title}</strong>{' '}
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
