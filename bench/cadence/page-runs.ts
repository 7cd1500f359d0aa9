// `npm run bench:cadence:page [-- --runs 10 --stamping stamped|unstamped --save DIR]`: works the real input step in
// Debian's Chromium with input injected through CDP, planned by the calibration's models: human-like
// people at the machine, and remote operators over links of 50–300 ms. Prints how the analyzer judged
// them; --save keeps each trace (for `hireproof cadence`).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CadenceAnalysis } from '../../main/contract/cadence/analyze';
import { cadenceThresholds } from '../../main/contract/cadence/thresholds';
import { median } from '../../main/contract/cadence/stats';
import { launchProfile } from '../../test/support/chromium';
import { StepPage, harnessUrl, workInputStep, type Stamping, quickStep } from '../../test/e2e/input/drive';
import { startHarness } from '../../test/e2e/input/harness-server';
import { firedShare } from './calibrate';
import { humanConditions, operatorKinds, remoteLinks } from './conditions';
import { InputPlan } from './injection';
import type { SessionCondition } from './session';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    stamping: { type: 'string', default: 'stamped' },
    save: { type: 'string' },
  },
});
const runs = Number(values.runs);
const stamping = values.stamping as Stamping;
if (!(Number.isInteger(runs) && runs > 0)) throw new Error('--runs takes a positive whole number');
if (stamping !== 'stamped' && stamping !== 'unstamped') throw new Error('--stamping is stamped or unstamped');

const options = quickStep;
const centre = { x: 640, y: 400 };
// Stamped events keep their times however late Node sends them, so two pages can share the machine;
// unstamped ones are timed by Node's event loop, which a second session would disturb.
const together = stamping === 'stamped' ? 2 : 1;
const remoteLike = remoteLinks.filter((link) => link.latencyMs[0] >= 50);

interface Session {
  population: 'human-like' | 'remote-like';
  name: string;
  seed: number;
  condition: SessionCondition;
}
const sessions: Session[] = [];
for (let i = 0; i < runs; i++) {
  const human = humanConditions[i % humanConditions.length]!;
  sessions.push({
    population: 'human-like',
    name: human.name,
    seed: 7_000_000 + i,
    condition: human.condition,
  });
  const link = remoteLike[i % remoteLike.length]!;
  const person = operatorKinds[i % operatorKinds.length]!;
  sessions.push({
    population: 'remote-like',
    name: link.name,
    seed: 7_500_000 + i,
    condition: { person, link },
  });
}

const started = performance.now();
const [harness, chromium] = await Promise.all([startHarness(), launchProfile()]);
const results: { session: Session; analysis: CadenceAnalysis; mouseHz: number }[] = [];
if (values.save) await mkdir(values.save, { recursive: true });
try {
  const queue = [...sessions];
  const worker = async (): Promise<void> => {
    for (let session = queue.shift(); session; session = queue.shift()) {
      const step = await StepPage.open(chromium, harnessUrl(harness.url, options), centre);
      try {
        const plan = new InputPlan(session.seed, session.condition, centre);
        const { trace, analysis } = await workInputStep(step, plan, options, stamping);
        results.push({ session, analysis, mouseHz: plan.operator.mouseHz });
        if (values.save) {
          await writeFile(
            join(values.save, `${session.population}-${session.seed}.json`),
            JSON.stringify(trace),
          );
        }
        const fired = analysis.indicators.filter((i) => i.fired).map((i) => i.name);
        process.stderr.write(
          `${session.population} ${session.name} (${session.condition.person}, seed ${session.seed}): ` +
            `${analysis.decision} ${analysis.score.toFixed(2)} ${fired.join(',')}\n`,
        );
      } finally {
        await step.close();
      }
    }
  };
  await Promise.all(Array.from({ length: together }, worker));
} finally {
  await chromium.close();
  await harness.close();
}

const pct = (x: number): string => `${Math.round(100 * x)}%`;
const fmt = (x: number | null | undefined, digits = 0): string => (x == null ? '–' : x.toFixed(digits));
const lines = [
  `## Live Chromium runs (${stamping} CDP input, ${runs} human-like and ${runs} remote-like)`,
  '',
  '| population | runs | suspect | local | insufficient | by reaction | by typing | by pointer | reaction median ms | pointer events/s | key gaps ≤ 1 ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const population of ['human-like', 'remote-like'] as const) {
  const analyses = results.filter((r) => r.session.population === population).map((r) => r.analysis);
  const share = (decision: string): string =>
    pct(analyses.filter((a) => a.decision === decision).length / analyses.length);
  const mid = (pick: (a: CadenceAnalysis) => number | null): number | null =>
    median(analyses.map(pick).filter((v): v is number => v !== null));
  lines.push(
    `| ${population} | ${analyses.length} | ${share('suspect')} | ${share('local')} | ${share('insufficient-data')} | ` +
      `${pct(firedShare(analyses, cadenceThresholds, 'reaction'))} | ${pct(firedShare(analyses, cadenceThresholds, 'typing'))} | ` +
      `${pct(firedShare(analyses, cadenceThresholds, 'pointer'))} | ${fmt(mid((a) => a.features.reaction.medianMs))} | ` +
      `${fmt(mid((a) => a.features.pointer.eventRateHz))} | ${fmt(
        mid((a) => a.features.keyboard.batchedShare),
        3,
      )} |`,
  );
}
lines.push(
  '',
  '| population | condition | person | pointing device Hz | decision | score | fired |',
  '|---|---|---|---|---|---|---|',
  ...results
    .sort((a, b) => a.session.seed - b.session.seed)
    .map(({ session, analysis, mouseHz }) =>
      [
        session.population,
        session.name,
        session.condition.person,
        Math.round(mouseHz),
        analysis.decision,
        analysis.score.toFixed(2),
        analysis.indicators
          .filter((i) => i.fired)
          .map((i) => `${i.name} ${fmt(i.value, i.unit === 'share' ? 2 : 0)}`)
          .join(', '),
      ].join(' | '),
    )
    .map((row) => `| ${row} |`),
  '',
  'Medians are over runs. Remote-like links: ' + remoteLike.map((l) => l.name).join('; ') + '.',
  `(${Math.round((performance.now() - started) / 1000)} s)`,
);
process.stdout.write(lines.join('\n') + '\n');
