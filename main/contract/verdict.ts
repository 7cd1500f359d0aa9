import { blocksOnFailure, type CheckResult, type Verdict } from './checks';

/**
 * fail if an enforced critical/high check fails; review if any other enforced check fails, warns
 * or could not run (an error may be provoked to hide something, so it is never a pass); else pass.
 */
export function verdictOf(checks: readonly CheckResult[]): Verdict {
  const enforced = checks.filter((c) => !c.reportOnly);
  if (enforced.some((c) => c.status === 'fail' && blocksOnFailure(c.severity))) {
    return 'fail';
  }
  if (enforced.some((c) => c.status === 'fail' || c.status === 'warn' || c.status === 'error')) {
    return 'review';
  }
  return 'pass';
}
