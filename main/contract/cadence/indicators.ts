import type { ClockFeatures } from './clock';
import type { KeyboardFeatures } from './keyboard';
import type { PointerFeatures } from './pointer';
import type { ReactionFeatures } from './reaction';
import { cadenceMinimums, type CadenceThresholds } from './thresholds';

export interface CadenceFeatures {
  keyboard: KeyboardFeatures;
  pointer: PointerFeatures;
  reaction: ReactionFeatures;
  clock: ClockFeatures;
}

export type IndicatorName = keyof CadenceThresholds;

/** The data an indicator needs; `local` requires the typing and the reaction steps. */
export type InputKind = 'typing' | 'reaction' | 'pointer' | 'events';

interface IndicatorDefinition {
  name: IndicatorName;
  kind: InputKind;
  /** Which side of the limit points to remote control. */
  direction: 'above' | 'below';
  unit: 'ms' | 'share' | 'Hz';
  /** What it means in words when it fires. */
  says: string;
  value: (f: CadenceFeatures) => number | null;
  enough: (f: CadenceFeatures) => boolean;
}

const typed = (f: CadenceFeatures): boolean => f.keyboard.keystrokes >= cadenceMinimums.keystrokes;
const pointed = (f: CadenceFeatures): boolean => f.pointer.segments >= cadenceMinimums.movements;

export const indicators: readonly IndicatorDefinition[] = [
  {
    name: 'reactionMedianMs',
    kind: 'reaction',
    direction: 'above',
    unit: 'ms',
    says: 'reactions lag as if the screen and the input travel over a network',
    value: (f) => f.reaction.medianMs,
    enough: (f) => f.reaction.valid >= cadenceMinimums.reactions,
  },
  {
    name: 'dwellUnder15',
    kind: 'typing',
    direction: 'above',
    unit: 'share',
    says: 'keys are released almost as soon as pressed (press and release sent together)',
    value: (f) => f.keyboard.dwell.under15,
    enough: typed,
  },
  {
    name: 'keyBatchedShare',
    kind: 'typing',
    direction: 'above',
    unit: 'share',
    says: 'keystrokes arrive in packet-like bursts',
    value: (f) => f.keyboard.batchedShare,
    enough: typed,
  },
  {
    name: 'keyRegularShare',
    kind: 'typing',
    direction: 'above',
    unit: 'share',
    says: 'keystrokes come at exactly regular intervals, as a script types',
    value: (f) => f.keyboard.regularShare,
    enough: typed,
  },
  {
    name: 'pointerEventRateHz',
    kind: 'pointer',
    direction: 'below',
    unit: 'Hz',
    says: 'the pointer moves in a low-rate stream, as a remote link delivers it',
    value: (f) => f.pointer.eventRateHz,
    // Moves are dispatched once per frame: a slow display (battery saver, 48 Hz panels) cannot say.
    enough: (f) => pointed(f) && (f.clock.frameRateHz ?? 0) >= cadenceMinimums.frameRateHz,
  },
  {
    name: 'pointerBurstShare',
    kind: 'pointer',
    direction: 'above',
    unit: 'share',
    says: 'pointer samples arrive packed closer together than any mouse reports them',
    value: (f) => f.pointer.burstShare,
    enough: (f) => f.pointer.multiSampleMoves >= cadenceMinimums.multiSampleMoves,
  },
  {
    name: 'clockAnomalyShare',
    kind: 'events',
    direction: 'above',
    unit: 'share',
    says: "input timestamps disagree with the page's clock",
    value: (f) => f.clock.anomalyShare,
    enough: (f) => f.clock.events >= cadenceMinimums.events,
  },
];

/** How far past its limit a value is: above 1 means the indicator fires. Capped at 10. */
export function indicatorScore(direction: 'above' | 'below', value: number, limit: number): number {
  const [over, under] = direction === 'above' ? [value, limit] : [limit, value];
  if (under > 0) return Math.min(Math.max(over / under, 0), 10);
  return over > 0 ? 10 : 0;
}
