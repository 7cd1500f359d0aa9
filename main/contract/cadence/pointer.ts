import type { InputTraceEvent, PointerMoveTraceEvent } from '../input-trace';
import { mean, median, share } from './stats';

/** A stillness longer than this ends one movement. */
const PAUSE_MS = 100;
/** Movements shorter than this (in CSS px or samples) are hand tremor, not a path. */
const MIN_PATH_PX = 50;
const MIN_SAMPLES = 5;
/** Coalesced samples closer than this on average came faster than a 4 kHz mouse: injected in a batch. */
const BURST_SPACING_MS = 0.25;

export interface PointerFeatures {
  moves: number;
  /** Movements long enough to measure. */
  segments: number;
  /** Dispatched pointermove events per second while moving. */
  eventRateHz: number | null;
  /** Device samples per second while moving (dispatched events times their coalesced count). */
  sampleRateHz: number | null;
  coalescedPerEvent: number | null;
  /** Dispatched moves that folded in more than one sample. */
  multiSampleMoves: number;
  /** Share of those whose samples were packed closer than any mouse reports: a batch injected at once. */
  burstShare: number | null;
  /** Straight-line distance over path length (1 = ruler-straight), median over movements. */
  straightness: number | null;
  /** log10 dimensionless jerk, median over movements: higher is jerkier. */
  jerk: number | null;
}

/** Movements: runs of pointermoves broken by a pause or a press. */
export function movementsOf(events: readonly InputTraceEvent[]): PointerMoveTraceEvent[][] {
  const movements: PointerMoveTraceEvent[][] = [];
  let current: PointerMoveTraceEvent[] = [];
  const close = (): void => {
    if (current.length > 0) movements.push(current);
    current = [];
  };
  for (const event of events) {
    if (event.type === 'pointerdown') close();
    if (event.type !== 'pointermove') continue;
    const last = current[current.length - 1];
    if (last && event.ts - last.ts > PAUSE_MS) close();
    current.push(event);
  }
  close();
  return movements.filter((m) => m.length >= MIN_SAMPLES && pathLength(m) >= MIN_PATH_PX);
}

export function pointerFeatures(events: readonly InputTraceEvent[]): PointerFeatures {
  const movements = movementsOf(events);
  let duration = 0;
  let dispatched = 0;
  let samples = 0;
  for (const m of movements) {
    duration += m[m.length - 1]!.ts - m[0]!.ts;
    dispatched += m.length - 1;
    for (const e of m.slice(1)) samples += e.coalesced;
  }
  const perSecond = (count: number): number | null => (duration > 0 ? (count / duration) * 1000 : null);
  const moves = events.filter((e) => e.type === 'pointermove');
  const multi = moves.filter((e) => e.coalesced > 1);
  return {
    moves: moves.length,
    segments: movements.length,
    eventRateHz: perSecond(dispatched),
    sampleRateHz: perSecond(samples),
    coalescedPerEvent: mean(moves.map((e) => e.coalesced)),
    multiSampleMoves: multi.length,
    burstShare: share(multi, (e) => e.coalescedSpan < BURST_SPACING_MS * (e.coalesced - 1)),
    straightness: median(movements.map(straightnessOf)),
    jerk: median(movements.map(jerkOf).filter((j): j is number => j !== null)),
  };
}

function pathLength(m: readonly PointerMoveTraceEvent[]): number {
  let length = 0;
  for (let i = 1; i < m.length; i++) length += Math.hypot(m[i]!.x - m[i - 1]!.x, m[i]!.y - m[i - 1]!.y);
  return length;
}

function straightnessOf(m: readonly PointerMoveTraceEvent[]): number {
  const first = m[0]!;
  const last = m[m.length - 1]!;
  return Math.hypot(last.x - first.x, last.y - first.y) / pathLength(m);
}

/**
 * log10 of the dimensionless jerk (duration³ / peak speed² × ∫ jerk² dt). Smooth hand movements
 * score low; a path delivered in network-sized lumps, with stalls and jumps, scores high.
 */
function jerkOf(m: readonly PointerMoveTraceEvent[]): number | null {
  // Samples stamped within a millisecond of each other came together: keep the latest position.
  const points: Sample[] = [];
  for (const e of m) {
    const last = points[points.length - 1];
    if (last && e.ts - last.t < 1) Object.assign(last, { x: e.x, y: e.y });
    else points.push({ t: e.ts, x: e.x, y: e.y });
  }
  if (points.length < 4) return null;
  const velocity = differentiate(points);
  const jerk = differentiate(differentiate(velocity));
  const duration = points[points.length - 1]!.t - points[0]!.t;
  const peak = velocity.reduce((max, v) => Math.max(max, Math.hypot(v.x, v.y)), 0);
  const integral = jerk.reduce((sum, j) => sum + (j.x ** 2 + j.y ** 2) * j.dt, 0);
  if (duration <= 0 || peak <= 0 || integral <= 0) return null;
  return Math.log10((duration ** 3 / peak ** 2) * integral);
}

interface Sample {
  t: number;
  x: number;
  y: number;
}

/** Finite differences, each stamped at the midpoint of the interval `dt` it spans. */
function differentiate(points: readonly Sample[]): (Sample & { dt: number })[] {
  const out: (Sample & { dt: number })[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const dt = b.t - a.t;
    out.push({ t: (a.t + b.t) / 2, x: (b.x - a.x) / dt, y: (b.y - a.y) / dt, dt });
  }
  return out;
}
