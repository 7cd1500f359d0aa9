import type { CheckResult, ChecksReport } from '../contract/checks';
import type { Policy } from '../contract/policy';
import { verdictOf } from '../contract/verdict';
import type { ProbeFacts, ProbeId, ProbeSet } from '../probes/facts';
import type { Host } from '../probes/host';
import type { Check, Outcome } from './check';

export interface RunOptions {
  checks: readonly Check[];
  probes: ProbeSet;
  host: Host;
  policy: Policy;
  /** The whole run's budget; a probe still running then turns its checks to `error`. */
  budgetMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  now?: () => number;
}

export type ProgressEvent =
  { type: 'start'; id: string; title: string } | { type: 'done'; result: CheckResult };

class ProbeUnavailable extends Error {}

/** Runs every enabled check concurrently; each probe is read once per run and shared. */
export async function runChecks(options: RunOptions): Promise<ChecksReport> {
  const { host, policy, probes, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const budget = deadline(options.budgetMs ?? 10_000);
  const reads = new Map<ProbeId, Promise<unknown>>();

  const read = (id: ProbeId): Promise<unknown> => {
    let pending = reads.get(id);
    if (!pending) {
      const reader = probes[id][host.platform] as ((h: Host) => Promise<unknown>) | undefined;
      pending = reader
        ? Promise.race([reader(host), budget.expired])
        : Promise.reject(new ProbeUnavailable(`no ${id} probe on ${host.platform}`));
      pending.catch(() => undefined);
      reads.set(id, pending);
    }
    return pending;
  };

  const run = async (check: Check): Promise<CheckResult> => {
    onProgress?.({ type: 'start', id: check.id, title: check.title });
    const checkStarted = now();
    const outcome = await evaluate(check, read, options);
    const result: CheckResult = {
      id: check.id,
      title: check.title,
      status: outcome.status,
      severity: check.severity,
      summary: outcome.summary,
      evidence: outcome.evidence,
      remediation:
        outcome.status === 'pass' || outcome.status === 'n/a'
          ? ''
          : (outcome.remediation ?? check.remediation),
      durationMs: Math.round(now() - checkStarted),
      ...(policy.checks[check.id] === 'report-only' ? { reportOnly: true } : {}),
    };
    onProgress?.({ type: 'done', result });
    return result;
  };

  const enabled = options.checks.filter((c) => policy.checks[c.id] !== 'off');
  const results = await Promise.all(enabled.map(run));
  budget.clear();
  return {
    schema: 'hireproof.checks/v1',
    verdict: verdictOf(results),
    platform: host.platform,
    durationMs: Math.round(now() - started),
    checks: results,
  };
}

async function evaluate(
  check: Check,
  read: (id: ProbeId) => Promise<unknown>,
  { host, policy }: RunOptions,
): Promise<Outcome> {
  if (!check.platforms.includes(host.platform)) {
    return { status: 'n/a', summary: `Not checked on ${host.platform}.`, evidence: [] };
  }
  const facts: Partial<Record<ProbeId, unknown>> = {};
  for (const id of check.probes) {
    try {
      facts[id] = await read(id);
    } catch (error) {
      if (error instanceof ProbeUnavailable) {
        return { status: 'n/a', summary: `Cannot be checked on ${host.platform} yet.`, evidence: [] };
      }
      return {
        status: 'error',
        summary: `Could not read ${id}: ${messageOf(error)}`,
        evidence: [{ probe: id, error: messageOf(error) }],
      };
    }
  }
  try {
    return check.rule(facts as ProbeFacts, { policy, platform: host.platform });
  } catch (error) {
    return {
      status: 'error',
      summary: `The check itself failed: ${messageOf(error)}`,
      evidence: [{ error: messageOf(error) }],
    };
  }
}

function deadline(ms: number): { expired: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: the run's ${ms} ms budget ran out`)), ms);
  });
  expired.catch(() => undefined);
  return { expired, clear: () => clearTimeout(timer) };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
