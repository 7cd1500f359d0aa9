// Times full check runs on this machine, through the real /proc and /sys: `npm run bench:checks`.
import { spawn, type ChildProcess } from 'node:child_process';
import { checks } from '../main/checks/catalogue/index';
import { runChecks } from '../main/checks/engine';
import { defaultPolicy } from '../main/contract/policy';
import { realHost } from '../main/probes/host';
import { probesFor, probes } from '../main/probes/registry';
import { sourceRuntime } from '../main/cli/source-runtime';

const RUNS = 15;
const EXTRA_PROCESSES = 400;

async function timeRuns(): Promise<{ median: number; p90: number; processes: number }> {
  const host = realHost();
  const times: number[] = [];
  let processes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await runChecks({ checks, probes: probesFor(sourceRuntime()), host, policy: defaultPolicy });
    times.push(performance.now() - started);
    processes = (await probes.processes.linux?.(host))?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { median: at(0.5), p90: at(0.9), processes };
}

const row = (label: string, r: { median: number; p90: number; processes: number }) =>
  `| ${label} | ${r.processes} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} |`;

console.log(`Full runs of ${checks.length} checks, ${RUNS} runs each (ms)\n`);
console.log('| machine | processes | median | p90 |\n|---|---|---|---|');
console.log(row('this machine as it is', await timeRuns()));

// A desktop runs hundreds of processes: add sleepers so the /proc scan has a realistic size.
const sleepers: ChildProcess[] = Array.from({ length: EXTRA_PROCESSES }, () =>
  spawn('sleep', ['60'], { stdio: 'ignore' }),
);
await new Promise((r) => setTimeout(r, 500));
console.log(row(`with ${EXTRA_PROCESSES} more processes`, await timeRuns()));
for (const s of sleepers) s.kill();
