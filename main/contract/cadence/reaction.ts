import type { ReactionTrial } from '../input-trace';
import { iqr, median } from './stats';

/** Faster than this after the target appeared, the press was a guess, not a reaction. */
const ANTICIPATION_MS = 100;
/** Slower than this, the hire looked away; the trial says nothing about the link. */
const LAPSE_MS = 2000;

export interface ReactionFeatures {
  trials: number;
  /** Trials with a reaction between 100 ms and 2 s. */
  valid: number;
  anticipations: number;
  medianMs: number | null;
  iqrMs: number | null;
  minMs: number | null;
}

/** Reaction time runs from the frame that drew the target to the input's own timestamp. */
export function reactionFeatures(trials: readonly ReactionTrial[]): ReactionFeatures {
  const times = trials.flatMap((trial) => (trial.response ? [trial.response.ts - trial.onset] : []));
  const valid = times.filter((rt) => rt >= ANTICIPATION_MS && rt <= LAPSE_MS);
  return {
    trials: trials.length,
    valid: valid.length,
    anticipations: times.filter((rt) => rt < ANTICIPATION_MS).length,
    medianMs: median(valid),
    iqrMs: iqr(valid),
    minMs: valid.length > 0 ? Math.min(...valid) : null,
  };
}
