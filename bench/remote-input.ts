// `npm run bench:remote-input [-- --runs 20 --save DIR]`: the input step in headed Chromium on an Xvfb
// display, worked by the same scripted people on the machine itself (xdotool) and from a VNC viewer
// (this project's RFB client) through x11vnc and a latency relay at a few network settings. Prints how
// often the real analyzer flags each beside the synthetic calibration's figures (bench/cadence).
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CadenceAnalysis } from '../main/contract/cadence/analyze';
import { median, quantile } from '../main/contract/cadence/stats';
import { cadenceThresholds } from '../main/contract/cadence/thresholds';
import { operatorKinds } from './cadence/conditions';
import { falseAlarmRate, humanPopulations, remotePopulations } from './cadence/calibrate';
import { InputDesk, type RunResult } from '../test/support/remote-input/input-desk';
import type { PathDelay } from '../test/support/remote-input/latency-relay';
import { startRelayProcess, type RelayProcess } from '../test/support/remote-input/relay-process';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, save: { type: 'string' } },
});
const runs = Number(values.runs);
if (!(Number.isInteger(runs) && runs > 0)) throw new Error('--runs takes a positive whole number');

/** Display and ports from this bench's own range, clear of the test suite's. */
const DISPLAY = 92;
const VNC_PORT = 17092;

interface Path {
  name: string;
  /** null: on the machine itself. */
  delay: PathDelay | null;
  /** The synthetic calibration's rows this path is nearest to (README, `npm run bench:cadence`). */
  synthetic: readonly string[];
}
const paths: readonly Path[] = [
  { name: 'local (xdotool)', delay: null, synthetic: [] },
  {
    name: 'VNC, LAN 5 ± 2 ms',
    delay: { baseMs: 5, jitterMs: 2 },
    synthetic: ['LAN 1–5 ms, 60 Hz', 'LAN 1–5 ms, 30 Hz'],
  },
  {
    name: 'VNC, 50 ± 15 ms',
    delay: { baseMs: 50, jitterMs: 15 },
    synthetic: ['20–50 ms, 60 Hz', '50–100 ms, 60 Hz'],
  },
  { name: 'VNC, 110 ± 25 ms', delay: { baseMs: 110, jitterMs: 25 }, synthetic: ['100–200 ms, 30–60 Hz'] },
];

const fmt = (x: number | null | undefined, digits = 0): string => (x == null ? '–' : x.toFixed(digits));
const started = performance.now();
const loadBefore = loadavg()[0]!;
const desk = await InputDesk.open(DISPLAY, VNC_PORT);
const relays = new Map<Path, RelayProcess>();
const results = new Map<Path, RunResult[]>(paths.map((p) => [p, []]));
if (values.save) await mkdir(values.save, { recursive: true });
try {
  for (const [i, path] of paths.entries()) {
    if (path.delay) {
      relays.set(
        path,
        await startRelayProcess(VNC_PORT + 1 + i, { host: '127.0.0.1', port: VNC_PORT }, path.delay),
      );
    }
  }
  // Round-robin, so the machine's load falls evenly on every path; one seed is one person, scripted
  // the same on every path.
  for (let i = 0; i < runs; i++) {
    const typist = { seed: 9_100_000 + i, person: operatorKinds[i % operatorKinds.length]! };
    for (const path of paths) {
      const relay = relays.get(path);
      const result = relay ? await desk.overVnc(typist, relay.port) : await desk.local(typist);
      results.get(path)!.push(result);
      if (values.save) {
        const file = `${path.name.replace(/[^a-z0-9]+/gi, '-')}-${typist.seed}.json`;
        await writeFile(join(values.save, file), JSON.stringify(result.trace));
      }
      process.stderr.write(
        `${path.name} seed ${typist.seed} (${typist.person}): ${summary(result.analysis)}\n`,
      );
    }
  }
} finally {
  for (const relay of relays.values()) await relay.stop();
  await desk.close();
}

process.stderr.write('synthetic calibration (same seeds as `npm run bench:cadence`)…\n');
const syntheticRemote = new Map(
  remotePopulations(300).map((p) => [
    p.name,
    p.analyses.filter((a) => a.decision === 'suspect').length / p.analyses.length,
  ]),
);
const syntheticShare = (name: string): number => {
  const share = syntheticRemote.get(name);
  if (share === undefined) throw new Error(`no synthetic remote condition named ${name}`);
  return share;
};
const syntheticHumans = falseAlarmRate(
  humanPopulations(1000, 'held-out').flatMap((p) => p.analyses),
  cadenceThresholds,
);

const pct = (x: number): string => `${(100 * x).toFixed(x === 0 || x === 1 ? 0 : 1)}%`;
const lines = [
  `## The input step on a real path (${runs} runs per path, headed Chromium on Xvfb, x11vnc)`,
  '',
  '| path | flagged | by reaction | by typing | by pointer | synthetic calibration | reaction median ms | pointer events/s | pointer samples/s | key gaps ≤ 1 ms | dwell < 15 ms | input sent late: p99 / max ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const path of paths) {
  const analyses = results.get(path)!.map((r) => r.analysis);
  const late = results.get(path)!.flatMap((r) => r.lateMs);
  const flagged = (pick?: (a: CadenceAnalysis) => boolean): string =>
    `${analyses.filter((a) => a.decision === 'suspect' && (pick?.(a) ?? true)).length} / ${analyses.length}`;
  const byKind = (kind: string) => (a: CadenceAnalysis) =>
    a.indicators.some((r) => r.kind === kind && r.fired);
  const mid = (value: (a: CadenceAnalysis) => number | null, digits = 0): string =>
    fmt(median(analyses.map(value).filter((v): v is number => v !== null)), digits);
  const synthetic = path.delay
    ? path.synthetic.map((name) => `${name}: ${pct(syntheticShare(name))} detected`).join('; ')
    : `human-like: ${pct(syntheticHumans)} false alarms`;
  lines.push(
    `| ${path.name} | ${flagged()} | ${flagged(byKind('reaction'))} | ${flagged(byKind('typing'))} | ` +
      `${flagged(byKind('pointer'))} | ${synthetic} | ${mid((a) => a.features.reaction.medianMs)} | ` +
      `${mid((a) => a.features.pointer.eventRateHz)} | ${mid((a) => a.features.pointer.sampleRateHz)} | ` +
      `${mid((a) => a.features.keyboard.batchedShare, 3)} | ` +
      `${mid((a) => a.features.keyboard.dwell.under15, 3)} | ` +
      `${fmt(quantile(late, 0.99), 1)} / ${fmt(Math.max(...late), 1)} |`,
  );
}
lines.push(
  '',
  '| seed | person | mouse Hz | ' + paths.map((p) => p.name).join(' | ') + ' |',
  `|---|---|---|${paths.map(() => '---').join('|')}|`,
);
for (let i = 0; i < runs; i++) {
  const row = paths.map((p) => results.get(p)![i]!);
  const { plan } = row[0]!;
  lines.push(
    `| ${9_100_000 + i} | ${plan.person.kind} | ${plan.operator.mouseHz} | ` +
      row.map((r) => summary(r.analysis)).join(' | ') +
      ' |',
  );
}
lines.push(
  '',
  'Medians are over runs. A cell: decision, score, and each indicator that fired with its value.',
  'Input sent late: how long after its scripted time the driver handed each event to xdotool or to the',
  'VNC connection (a loaded machine delays the driver too; the network delay comes after this).',
  `(${Math.round((performance.now() - started) / 1000)} s; 1-minute load average ${loadBefore.toFixed(1)} at the ` +
    `start, ${loadavg()[0]!.toFixed(1)} at the end)`,
);
process.stdout.write(lines.join('\n') + '\n');

function summary(analysis: CadenceAnalysis): string {
  const fired = analysis.indicators
    .filter((i) => i.fired)
    .map((i) => `${i.name} ${fmt(i.value, i.unit === 'share' ? 2 : 0)}`);
  const rt = analysis.features.reaction.medianMs;
  return `${analysis.decision} ${analysis.score.toFixed(2)} (RT ${fmt(rt)} ms${fired.length ? '; ' + fired.join(', ') : ''})`;
}
