import { positionAt, type HandKey, type Movement, type Point } from './person';
import type { Random } from './random';

/** The hardware and browser between a hand and the page on one computer. */
export interface Machine {
  /** USB keyboards report every 1–8 ms; a key's change shows at the next report. */
  keyboardPollMs: number;
  keyboardPhase: number;
  /** Mice and touchpads report positions at 60–1000 Hz while moving. */
  mouseHz: number;
  mousePhase: number;
  refreshHz: number;
  /** event.timeStamp resolution: 1 ms where the platform stamps input in whole ms (X11), else 0.1. */
  timestampResolutionMs: number;
  /** Median time from the OS stamping an input to the page's handler running. */
  dispatchLagMs: number;
}

export const machineKinds = ['any', 'trackpad 60 Hz'] as const;
export type MachineKind = (typeof machineKinds)[number];

export function machineOf(random: Random, kind: MachineKind = 'any'): Machine {
  const keyboardPollMs = random.pick([8, 8, 8, 4, 2, 1]);
  const mouseHz = kind === 'trackpad 60 Hz' ? 60 : random.pick([60, 90, 125, 125, 125, 500, 1000]);
  return {
    keyboardPollMs,
    keyboardPhase: random.uniform(0, keyboardPollMs),
    mouseHz,
    mousePhase: random.uniform(0, 1000 / mouseHz),
    refreshHz: kind === 'trackpad 60 Hz' ? 60 : random.pick([60, 60, 60, 60, 75, 120, 144]),
    timestampResolutionMs: random.pick([0.1, 1]),
    dispatchLagMs: random.uniform(0.5, 3),
  };
}

/** Input as an operating system records it: what happened and when (ms). */
export type OsEvent =
  | { kind: 'keydown' | 'keyup'; time: number; code: string }
  | { kind: 'move'; time: number; x: number; y: number }
  | { kind: 'press'; time: number; x: number; y: number };

export interface HandInput {
  keys: readonly HandKey[];
  movements: readonly Movement[];
  /** Times the hand clicks the mouse button. */
  presses: readonly number[];
  cursor: Point;
}

/** What the machine's keyboard and mouse report for what the hand does: polled, rounded, stamped. */
export function deviceEvents(random: Random, machine: Machine, hand: HandInput): OsEvent[] {
  const stamp = (time: number): number => time + random.uniform(0, 0.3);
  const keyPoll = lattice(machine.keyboardPollMs, machine.keyboardPhase);
  const mousePeriod = 1000 / machine.mouseHz;
  const mousePoll = lattice(mousePeriod, machine.mousePhase);
  const events: OsEvent[] = [];

  for (const key of hand.keys) {
    const down = keyPoll(key.down);
    const up = Math.max(keyPoll(key.up), down + machine.keyboardPollMs);
    events.push({ kind: 'keydown', time: stamp(down), code: key.code });
    events.push({ kind: 'keyup', time: stamp(up), code: key.code });
  }

  const moves: { time: number; x: number; y: number }[] = [];
  let cursor = { x: Math.round(hand.cursor.x), y: Math.round(hand.cursor.y) };
  for (const movement of hand.movements) {
    for (let t = mousePoll(movement.start); t <= movement.end + mousePeriod; t += mousePeriod) {
      const at = positionAt(movement, t);
      const x = Math.round(at.x + random.normal(0, 0.3));
      const y = Math.round(at.y + random.normal(0, 0.3));
      if (x === cursor.x && y === cursor.y) continue;
      cursor = { x, y };
      moves.push({ time: t, ...cursor });
    }
  }
  for (const m of moves) events.push({ kind: 'move', time: stamp(m.time), x: m.x, y: m.y });
  for (const press of hand.presses) {
    const time = mousePoll(press);
    const at = [...moves].reverse().find((m) => m.time <= time) ?? hand.cursor;
    events.push({ kind: 'press', time: stamp(time), x: at.x, y: at.y });
  }
  return events.sort((a, b) => a.time - b.time);
}

/** The first tick at or after a time, on a clock ticking every `period` ms from `phase`. */
export function lattice(period: number, phase: number): (time: number) => number {
  return (time) => phase + Math.ceil((time - phase) / period) * period;
}
