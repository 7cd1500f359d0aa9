import type { Verdict } from '../../../main/contract/checks';
import type { HireStatus } from '../../../main/contract/hr-api';
import { STATUS_LABEL, VERDICT_LABEL } from './format';

/** Colour is never the only signal: every badge carries its word. */
export function StatusBadge({ status }: { status: HireStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge badge-verdict-${verdict}`}>{VERDICT_LABEL[verdict]}</span>;
}
