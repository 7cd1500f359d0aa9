import type { CheckStatus } from '../../main/contract/checks';
import { STATUS_LABEL } from './status-label';

export function StatusBadge({ status }: { status: CheckStatus | 'pending' | 'running' }) {
  return <span className={`badge badge-${status === 'n/a' ? 'na' : status}`}>{STATUS_LABEL[status]}</span>;
}
