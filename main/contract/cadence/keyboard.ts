import type { InputTraceEvent, KeyTraceEvent } from '../input-trace';
import { gaps, mean, share, spread, type Spread } from './stats';

/** Gaps longer than this are the typist pausing, not typing rhythm. */
const PAUSE_MS = 2000;
/** Key events this close together arrived in one batch: no two fingers land within a millisecond. */
const BATCH_MS = 1;
/** A gap a local keyboard produces (rollover, one or two USB polls) but a 30–60 Hz remote link cannot. */
const MID_GAP_MS = [1, 12] as const;
/** Two intervals this equal are machine-made, not typed. */
const REGULAR_MS = 0.25;

export interface Keystroke {
  down: number;
  up: number;
}

export interface KeyboardFeatures {
  keystrokes: number;
  dwell: Spread;
  /** Key down to the next key down. */
  interKey: Spread;
  /** Key up to the next key down (negative when keys overlap). */
  flight: Spread;
  /** Share of key-event gaps of at most 1 ms: events that came in one packet. */
  batchedShare: number | null;
  /** Key events per packet-like cluster. */
  eventsPerCluster: number | null;
  /** Share of key-event gaps between 1 and 12 ms. */
  midGapShare: number | null;
  /** Share of consecutive inter-key intervals equal to within 0.25 ms. */
  regularShare: number | null;
  /** Key releases stamped before their press. */
  negativeDwells: number;
}

/** Pairs each press with its release, in the order the handlers saw them; auto-repeat is ignored. */
export function keystrokesOf(events: readonly InputTraceEvent[]): Keystroke[] {
  const pending = new Map<string, KeyTraceEvent>();
  const strokes: Keystroke[] = [];
  for (const event of events) {
    if (event.type === 'keydown') {
      if (!event.repeat) pending.set(event.key, event);
    } else if (event.type === 'keyup') {
      const down = pending.get(event.key);
      if (down) strokes.push({ down: down.ts, up: event.ts });
      pending.delete(event.key);
    }
  }
  return strokes.sort((a, b) => a.down - b.down);
}

export function keyboardFeatures(events: readonly InputTraceEvent[]): KeyboardFeatures {
  const strokes = keystrokesOf(events);
  const dwells = strokes.map((s) => s.up - s.down);
  const interKey: number[] = [];
  const flight: number[] = [];
  for (let i = 1; i < strokes.length; i++) {
    const gap = strokes[i]!.down - strokes[i - 1]!.down;
    if (gap > PAUSE_MS) continue;
    interKey.push(gap);
    flight.push(strokes[i]!.down - strokes[i - 1]!.up);
  }

  const times = strokes.flatMap((s) => [s.down, s.up]).sort((a, b) => a - b);
  const eventGaps = gaps(times).filter((g) => g <= PAUSE_MS);
  const clusters = splitWhere(times, (gap) => gap > BATCH_MS);

  const intervalChanges: number[] = [];
  for (let i = 1; i < interKey.length; i++) {
    const [a, b] = [interKey[i - 1]!, interKey[i]!];
    if (a > BATCH_MS && b > BATCH_MS) intervalChanges.push(Math.abs(a - b));
  }

  return {
    keystrokes: strokes.length,
    dwell: spread(dwells.filter((d) => d >= 0 && d <= PAUSE_MS)),
    interKey: spread(interKey),
    flight: spread(flight),
    batchedShare: share(eventGaps, (g) => g <= BATCH_MS),
    eventsPerCluster: mean(clusters.map((c) => c.length)),
    midGapShare: share(eventGaps, (g) => g > MID_GAP_MS[0] && g <= MID_GAP_MS[1]),
    regularShare: share(intervalChanges, (change) => change <= REGULAR_MS),
    negativeDwells: dwells.filter((d) => d < 0).length,
  };
}

/** Splits sorted times into runs, starting a new run wherever `breaks(gap)` holds. */
export function splitWhere(times: readonly number[], breaks: (gap: number) => boolean): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  times.forEach((time, i) => {
    if (i > 0 && breaks(time - times[i - 1]!)) {
      runs.push(run);
      run = [];
    }
    run.push(time);
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
