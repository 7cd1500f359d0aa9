import type { ChecksReport } from '../contract/checks';
import type { ProbeFacts, ProbeId, ProbeReading, ProbeReadings } from '../contract/observations';
import type { Policy } from '../contract/policy';
import { verdictOf } from '../contract/verdict';
import type { ProbeSet } from '../probes/facts';
import type { Host } from '../probes/host';
import type { Check } from './check';
import { judgeCheck, messageOf, resultOf } from './judge';
import { minimisedFacts } from './minimise';

export interface RunOptions {
  checks: readonly Check[];
  probes: ProbeSet;
  host: Host;
  /** What the hire is shown (report-only flags, IT-approved tools); the HR service re-judges under its own. */
  policy: Policy;
  /** The whole run's budget; a probe still running then turns its checks to `error`. */
  budgetMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  now?: () => number;
  /** Probes no check reads that the report still carries (`SERVER_PROBES`). */
  alsoRead?: readonly ProbeId[];
}

export type ProgressEvent =
  { type: 'start'; id: string; title: string } | { type: 'done'; result: ChecksReport['checks'][number] };

/** The checks as judged here, and every probe reading they were judged on (what a report carries). */
export interface ObservedChecks {
  checks: ChecksReport;
  readings: ProbeReadings;
}

/**
 * Runs every check concurrently, whatever the policy's modes (the server decides what counts);
 * each probe is read once per run, minimised to what the rules read, and shared.
 */
export async function observeChecks(options: RunOptions): Promise<ObservedChecks> {
  const { host, policy, probes, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const budget = deadline(options.budgetMs ?? 10_000);
  const reads = new Map<ProbeId, Promise<ProbeReading>>();

  const read = (id: ProbeId): Promise<ProbeReading> => {
    let pending = reads.get(id);
    if (!pending) {
      const reader = probes[id][host.platform] as ((h: Host) => Promise<ProbeFacts[ProbeId]>) | undefined;
      pending = reader
        ? Promise.race([reader(host), budget.expired]).then(
            (facts): ProbeReading => ({ state: 'read', facts: minimisedFacts(id, facts) }) as ProbeReading,
            (error: unknown): ProbeReading => ({ state: 'error', message: messageOf(error).slice(0, 1_000) }),
          )
        : Promise.resolve<ProbeReading>({ state: 'unavailable' });
      reads.set(id, pending);
    }
    return pending;
  };

  const run = async (check: Check) => {
    onProgress?.({ type: 'start', id: check.id, title: check.title });
    const checkStarted = now();
    const readings: ProbeReadings = {};
    if (check.platforms.includes(host.platform)) {
      for (const id of check.probes) Object.assign(readings, { [id]: await read(id) });
    }
    const outcome = judgeCheck(check, readings, { policy, platform: host.platform });
    const result = resultOf(check, outcome, policy, Math.round(now() - checkStarted));
    onProgress?.({ type: 'done', result });
    return result;
  };

  // Read for the HR service alone (farm signals), alongside the checks' probes, in the same budget.
  for (const id of options.alsoRead ?? []) void read(id);
  const results = await Promise.all(options.checks.map(run));
  budget.clear();
  const readings: ProbeReadings = {};
  for (const [id, reading] of reads) Object.assign(readings, { [id]: await reading });
  return {
    checks: {
      schema: 'hireproof.checks/v1',
      verdict: verdictOf(results),
      platform: host.platform,
      durationMs: Math.round(now() - started),
      checks: results,
    },
    readings,
  };
}

/** The checks alone, for the screens and commands that show them without sending a report. */
export async function runChecks(options: RunOptions): Promise<ChecksReport> {
  return (await observeChecks(options)).checks;
}

function deadline(ms: number): { expired: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: the run's ${ms} ms budget ran out`)), ms);
  });
  expired.catch(() => undefined);
  return { expired, clear: () => clearTimeout(timer) };
}
