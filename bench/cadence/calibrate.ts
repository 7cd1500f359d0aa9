import { analyzeCadence, judge, type CadenceAnalysis } from '../../main/contract/cadence/analyze';
import { indicators, type IndicatorName, type InputKind } from '../../main/contract/cadence/indicators';
import { quantile } from '../../main/contract/cadence/stats';
import type { CadenceThresholds } from '../../main/contract/cadence/thresholds';
import { humanConditions, operatorKinds, remoteLinks } from './conditions';
import { generateTrace } from './session';

export interface Population {
  name: string;
  analyses: CadenceAnalysis[];
}

/** Seeds never overlap between populations, or between the calibration and the held-out half. */
export function seedOf(population: number, half: 'calibration' | 'held-out', i: number): number {
  return population * 1_000_000 + (half === 'held-out' ? 500_000 : 0) + i;
}

export function humanPopulations(count: number, half: 'calibration' | 'held-out'): Population[] {
  return humanConditions.map(({ name, condition }, p) => ({
    name,
    analyses: Array.from({ length: count }, (_, i) =>
      analyzeCadence(generateTrace(seedOf(p, half, i), condition)),
    ),
  }));
}

export function remotePopulations(count: number): Population[] {
  return remoteLinks.map((link, p) => ({
    name: link.name,
    analyses: Array.from({ length: count }, (_, i) =>
      analyzeCadence(
        generateTrace(seedOf(100 + p, 'held-out', i), {
          person: operatorKinds[i % operatorKinds.length]!,
          link,
        }),
      ),
    ),
  }));
}

/** An indicator's limit is never set tighter than this, however clean the synthetic humans look. */
const FLOORS: Partial<Record<IndicatorName, number>> = {
  dwellUnder15: 0.05,
  keyBatchedShare: 0.05,
  keyRegularShare: 0.2,
  pointerBurstShare: 0.1,
};
/** Physically impossible in a local trace, so set by reasoning rather than fitted. */
const FIXED: readonly IndicatorName[] = ['clockAnomalyShare'];

/**
 * Limits at one common quantile q of the human values (upper for "above", lower for "below"), with
 * q as low as keeps false alarms on the calibration humans within `budget`.
 */
export function proposeThresholds(
  humans: readonly CadenceAnalysis[],
  committed: CadenceThresholds,
  budget: number,
): CadenceThresholds {
  const values = new Map(
    indicators.map((indicator) => [
      indicator.name,
      humans.flatMap((a) => {
        const reading = a.indicators.find((r) => r.name === indicator.name)!;
        return reading.enough && reading.value !== null ? [reading.value] : [];
      }),
    ]),
  );
  const at = (q: number): CadenceThresholds => {
    const limits = { ...committed };
    for (const indicator of indicators) {
      if (FIXED.includes(indicator.name)) continue;
      const fitted = quantile(values.get(indicator.name)!, indicator.direction === 'above' ? q : 1 - q);
      if (fitted === null) continue;
      limits[indicator.name] = tidy(indicator.name, Math.max(fitted, FLOORS[indicator.name] ?? -Infinity));
    }
    return limits;
  };
  let [low, high] = [0.9, 1];
  for (let step = 0; step < 30; step++) {
    const q = (low + high) / 2;
    if (falseAlarmRate(humans, at(q)) <= budget) high = q;
    else low = q;
  }
  return at(high);
}

/** Rounded outward (away from the humans) to a precision a person can read. */
function tidy(name: IndicatorName, value: number): number {
  const indicator = indicators.find((i) => i.name === name)!;
  const step = indicator.unit === 'ms' ? 5 : indicator.unit === 'Hz' ? 1 : 0.01;
  const rounded = (indicator.direction === 'above' ? Math.ceil : Math.floor)(value / step) * step;
  return Number(rounded.toFixed(2));
}

export function falseAlarmRate(humans: readonly CadenceAnalysis[], thresholds: CadenceThresholds): number {
  return humans.filter((a) => judge(a.features, thresholds).decision === 'suspect').length / humans.length;
}

/** Share of a population that the indicators of one kind flag, under the given limits. */
export function firedShare(
  analyses: readonly CadenceAnalysis[],
  thresholds: CadenceThresholds,
  kind: InputKind,
): number {
  const hits = analyses.filter((a) =>
    judge(a.features, thresholds).indicators.some((r) => r.kind === kind && r.fired),
  );
  return hits.length / analyses.length;
}
