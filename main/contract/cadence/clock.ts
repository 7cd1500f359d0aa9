import type { InputTrace } from '../input-trace';
import { gaps, median, share } from './stats';

/** A handler cannot run before the input it handles; allow for timer coarsening. */
const FUTURE_MS = 1;
/** An input stamped this long before its handler ran has a clock that does not match the page's. */
const STALE_MS = 1000;

export interface ClockFeatures {
  events: number;
  /** Median of performance.now() minus event.timeStamp over key and press events. */
  handlerLagMs: number | null;
  /** Share of events whose timeStamp is after the handler ran or a second or more before it. */
  anomalyShare: number | null;
  /** Display refresh rate from the requestAnimationFrame times. */
  frameRateHz: number | null;
  /** Share of frames that took longer than 50 ms (a busy page delays input handling). */
  longFrameShare: number | null;
}

export function clockFeatures(trace: InputTrace): ClockFeatures {
  const lags = trace.events.map((e) => e.t - e.ts);
  const frameGaps = gaps(trace.frames);
  const frameGap = median(frameGaps);
  return {
    events: trace.events.length,
    handlerLagMs: median(trace.events.filter((e) => e.type !== 'pointermove').map((e) => e.t - e.ts)),
    anomalyShare: share(lags, (lag) => lag < -FUTURE_MS || lag > STALE_MS),
    frameRateHz: frameGap !== null && frameGap > 0 ? 1000 / frameGap : null,
    longFrameShare: share(frameGaps, (gap) => gap > 50),
  };
}
