import type { RecordedInput } from '../../renderer/input/trace-recorder';
import type { Machine, OsEvent } from './machine';
import type { Random } from './random';

/** requestAnimationFrame times from `start` to `end`: vsync-regular, with a dropped frame now and then. */
export function frameTimes(random: Random, machine: Machine, start: number, end: number): number[] {
  const period = (1000 / machine.refreshHz) * (1 + random.normal(0, 1e-4));
  const frames: number[] = [];
  for (let t = start + random.uniform(0, period); t <= end; t += period) {
    if (!random.chance(0.005)) frames.push(t);
  }
  return frames;
}

/**
 * How Chromium hands OS input to the page: keys and presses at once; pointer moves once per
 * animation frame, the moves since the last frame coalesced into one event (and flushed before a
 * press). `ts` is the OS stamp at the platform's resolution, `t` the handler's performance.now().
 */
export function dispatch(
  random: Random,
  machine: Machine,
  events: readonly OsEvent[],
  frames: readonly number[],
): RecordedInput[] {
  const inputs: RecordedInput[] = [];
  let lastT = 0;
  const handled = (at: number): number => {
    const longTask = random.chance(0.01) ? random.uniform(10, 60) : 0;
    lastT = Math.max(lastT, Math.floor((at + longTask) * 10) / 10);
    return lastT;
  };
  const stamp = (time: number): number =>
    Math.floor(time / machine.timestampResolutionMs) * machine.timestampResolutionMs;

  let pending: OsEvent[] = [];
  const flush = (at: number): void => {
    const last = pending[pending.length - 1];
    if (!last || last.kind !== 'move') return;
    inputs.push({
      type: 'pointermove',
      t: handled(at),
      ts: stamp(last.time),
      x: last.x,
      y: last.y,
      coalesced: pending.length,
      coalescedSpan: stamp(last.time) - stamp(pending[0]!.time),
    });
    pending = [];
  };

  let f = 0;
  for (const event of events) {
    while (f < frames.length && frames[f]! < event.time) flush(frames[f++]! + random.uniform(0.1, 1));
    if (event.kind === 'move') {
      pending.push(event);
      continue;
    }
    const at = event.time + random.lognormal(machine.dispatchLagMs, 0.5);
    flush(at);
    const [t, ts] = [handled(at), stamp(event.time)];
    if (event.kind === 'press') inputs.push({ type: 'pointerdown', t, ts, x: event.x, y: event.y });
    else inputs.push({ type: event.kind, t, ts, key: event.code });
  }
  while (f < frames.length && pending.length > 0) flush(frames[f++]! + random.uniform(0.1, 1));
  return inputs;
}
