// `npm run bench:cadence [-- --humans N --remotes N]`: calibrates and measures the input.cadence check
// on synthetic sessions. The figures describe the generator's world; field calibration needs real data.
import { parseArgs } from 'node:util';
import { judge } from '../../main/contract/cadence/analyze';
import { cadenceThresholds, type CadenceThresholds } from '../../main/contract/cadence/thresholds';
import { indicators } from '../../main/contract/cadence/indicators';
import {
  falseAlarmRate,
  firedShare,
  humanPopulations,
  proposeThresholds,
  remotePopulations,
  type Population,
} from './calibrate';

const TARGET = 0.01;
const { values } = parseArgs({
  options: { humans: { type: 'string', default: '1000' }, remotes: { type: 'string', default: '300' } },
});
const humansPer = Number(values.humans);
const remotesPer = Number(values.remotes);
if (!(humansPer > 0 && remotesPer > 0)) throw new Error('--humans and --remotes take positive counts');

const started = performance.now();
const calibration = humanPopulations(humansPer, 'calibration');
const heldOut = humanPopulations(humansPer, 'held-out');
const remotes = remotePopulations(remotesPer);
const committed: CadenceThresholds = cadenceThresholds;
const proposed = proposeThresholds(
  calibration.flatMap((p) => p.analyses),
  committed,
  TARGET / 2,
);

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const rate = (p: Population, decision: string, t: CadenceThresholds): number =>
  p.analyses.filter((a) => judge(a.features, t).decision === decision).length / p.analyses.length;
const lines: string[] = [];
const table = (head: string[], rows: string[][]): void => {
  lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  lines.push('');
};

lines.push('## Thresholds', '');
table(
  ['indicator', 'remote when', 'committed', 'proposed by this run'],
  indicators.map((i) => [i.name, i.direction, String(committed[i.name]), String(proposed[i.name])]),
);

lines.push(`## False alarms on human-like sessions (held-out seeds, ${humansPer} per row)`, '');
table(
  ['population', 'suspect (false alarm)', 'insufficient data', 'local'],
  heldOut.map((p) => [
    p.name,
    pct(rate(p, 'suspect', committed)),
    pct(rate(p, 'insufficient-data', committed)),
    pct(rate(p, 'local', committed)),
  ]),
);

lines.push(`## Detection of remote-like sessions (${remotesPer} per row)`, '');
table(
  ['remote condition', 'suspect (detected)', 'by reaction', 'by typing', 'by pointer'],
  remotes.map((p) => [
    p.name,
    pct(rate(p, 'suspect', committed)),
    pct(firedShare(p.analyses, committed, 'reaction')),
    pct(firedShare(p.analyses, committed, 'typing')),
    pct(firedShare(p.analyses, committed, 'pointer')),
  ]),
);

const heldOutRate = falseAlarmRate(
  heldOut.flatMap((p) => p.analyses),
  committed,
);
const met = heldOutRate <= TARGET;
lines.push(
  `False alarms with the committed thresholds on ${heldOut.length * humansPer} held-out human-like sessions: ` +
    `${pct(heldOutRate)} (target ≤ ${pct(TARGET)}): ${met ? 'MET' : 'NOT MET'}.`,
  'These are synthetic sessions (bench/cadence); field calibration needs real local and remote recordings.',
  `(${Math.round((performance.now() - started) / 1000)} s)`,
);
process.stdout.write(lines.join('\n') + '\n');
process.exitCode = met ? 0 : 1;
