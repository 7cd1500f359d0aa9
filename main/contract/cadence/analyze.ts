import type { InputTrace } from '../input-trace';
import { clockFeatures } from './clock';
import {
  indicators,
  indicatorScore,
  type CadenceFeatures,
  type IndicatorName,
  type InputKind,
} from './indicators';
import { keyboardFeatures } from './keyboard';
import { pointerFeatures } from './pointer';
import { reactionFeatures } from './reaction';
import { cadenceThresholds, type CadenceThresholds } from './thresholds';

export type CadenceDecision = 'local' | 'suspect' | 'insufficient-data';

export interface IndicatorReading {
  name: IndicatorName;
  kind: InputKind;
  direction: 'above' | 'below';
  unit: string;
  value: number | null;
  limit: number;
  /** value against limit: above 1 fires (0 when there is not enough data to say). */
  score: number;
  /** Whether there was enough input for this indicator to speak. */
  enough: boolean;
  fired: boolean;
  says: string;
}

export interface CadenceAnalysis {
  decision: CadenceDecision;
  /** The strongest indicator's score: above 1 is suspect. */
  score: number;
  indicators: IndicatorReading[];
  /** Which required steps lacked input (typing, reaction). */
  missing: InputKind[];
  features: CadenceFeatures;
}

/** Steps a trace must cover before the analyzer will call it local. */
const REQUIRED: readonly InputKind[] = ['typing', 'reaction'];

/**
 * Pure and deterministic: the same trace always gives the same analysis, on the device, in the CLI
 * and on the server. Any indicator with enough data that fires makes the trace suspect; otherwise
 * it is local only if both the typing and the reaction steps gave enough input.
 */
export function analyzeCadence(
  trace: InputTrace,
  thresholds: CadenceThresholds = cadenceThresholds,
): CadenceAnalysis {
  const features: CadenceFeatures = {
    keyboard: keyboardFeatures(trace.events),
    pointer: pointerFeatures(trace.events),
    reaction: reactionFeatures(trace.reactions),
    clock: clockFeatures(trace),
  };
  return judge(features, thresholds);
}

/** The decision for measured features under given limits (the bench re-judges with trial limits). */
export function judge(features: CadenceFeatures, thresholds: CadenceThresholds): CadenceAnalysis {
  const readings = indicators.map((indicator): IndicatorReading => {
    const value = indicator.value(features);
    const limit = thresholds[indicator.name];
    const enough = value !== null && indicator.enough(features);
    const score = enough ? indicatorScore(indicator.direction, value, limit) : 0;
    return {
      name: indicator.name,
      kind: indicator.kind,
      direction: indicator.direction,
      unit: indicator.unit,
      value,
      limit,
      score,
      enough,
      fired: score > 1,
      says: indicator.says,
    };
  });
  const missing = REQUIRED.filter((kind) => !readings.some((r) => r.kind === kind && r.enough));
  const score = readings.reduce((max, r) => Math.max(max, r.score), 0);
  const decision: CadenceDecision = readings.some((r) => r.fired)
    ? 'suspect'
    : missing.length > 0
      ? 'insufficient-data'
      : 'local';
  return { decision, score, indicators: readings, missing, features };
}
