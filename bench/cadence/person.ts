import type { Random } from './random';

/** How one person's hands behave, drawn once per synthetic session. */
export interface Person {
  kind: PersonKind;
  dwellMedianMs: number;
  dwellSigma: number;
  /** Key down to next key down while typing steadily. */
  interKeyMedianMs: number;
  interKeySigma: number;
  /** Chance of a thinking pause after a word. */
  pauseChance: number;
  /** Simple reaction time from seeing the target to the finger moving the switch. */
  reactionMedianMs: number;
  reactionSigma: number;
  /** Chance a trial catches the person looking away. */
  lapseChance: number;
  respondsWith: 'key' | 'pointer';
  /** How far paths bow away from the straight line, as a share of their length. */
  curvature: number;
  /** Fitts' law: movement time = a + b·log2(distance / width + 1). */
  fittsA: number;
  fittsB: number;
}

export const personKinds = ['typical', 'fast typist', 'slow reactor'] as const;
export type PersonKind = (typeof personKinds)[number];

/** Typing and reaction figures from the keystroke-dynamics and reaction-time literature, broadly. */
export function personOf(random: Random, kind: PersonKind): Person {
  const fast = kind === 'fast typist';
  const slow = kind === 'slow reactor';
  return {
    kind,
    dwellMedianMs: fast ? random.uniform(60, 85) : random.uniform(80, 120),
    dwellSigma: random.uniform(0.2, 0.35),
    interKeyMedianMs: fast ? random.uniform(85, 120) : random.uniform(130, 260),
    interKeySigma: random.uniform(0.3, 0.5),
    pauseChance: random.uniform(0.05, 0.2),
    reactionMedianMs: slow ? random.uniform(290, 370) : random.uniform(180, 290),
    reactionSigma: random.uniform(0.1, 0.2),
    lapseChance: random.uniform(0, 0.08),
    respondsWith: random.chance(0.5) ? 'key' : 'pointer',
    curvature: random.uniform(0.03, 0.2),
    fittsA: random.uniform(120, 220),
    fittsB: random.uniform(100, 160),
  };
}

/** A key as the hand works it: pressed at `down`, released at `up` (ms). */
export interface HandKey {
  code: string;
  down: number;
  up: number;
}

export function typeText(random: Random, person: Person, text: string, start: number): HandKey[] {
  const keys: HandKey[] = [];
  let down = start;
  for (const char of text) {
    const code = char === ' ' ? 'Space' : `Key${char.toUpperCase()}`;
    keys.push({ code, down, up: down + pressDuration(random, person) });
    let next = Math.max(random.lognormal(person.interKeyMedianMs, person.interKeySigma), 30);
    if (char === ' ' && random.chance(person.pauseChance)) next += random.lognormal(450, 0.5);
    down += next;
  }
  return keys;
}

export function pressDuration(random: Random, person: Person): number {
  return Math.max(random.lognormal(person.dwellMedianMs, person.dwellSigma), 25);
}

/** From seeing the target to the switch closing; now and then the person was looking away. */
export function reactionTime(random: Random, person: Person): number {
  const rt = random.lognormal(person.reactionMedianMs, person.reactionSigma);
  return random.chance(person.lapseChance) ? rt + random.uniform(150, 600) : rt;
}

export interface Point {
  x: number;
  y: number;
}

/** One aimed movement: a bowed path with a minimum-jerk speed profile. */
export interface Movement {
  start: number;
  end: number;
  from: Point;
  to: Point;
  control: Point;
}

/** Aims at `to` with a bowed path; often overshoots or falls short and corrects. */
export function reach(random: Random, person: Person, from: Point, to: Point, start: number): Movement[] {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const duration = person.fittsA + person.fittsB * Math.log2(distance / 30 + 1);
  const miss = random.chance(0.6) ? distance * random.normal(0, 0.04) : 0;
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const landing = { x: to.x + miss * Math.cos(angle), y: to.y + miss * Math.sin(angle) };
  const first = bowed(random, person, from, landing, start, start + duration);
  if (Math.abs(miss) < 2) return [first];
  const correctionStart = first.end + random.uniform(30, 120);
  return [
    first,
    bowed(random, person, landing, to, correctionStart, correctionStart + random.uniform(120, 220)),
  ];
}

function bowed(random: Random, person: Person, from: Point, to: Point, start: number, end: number): Movement {
  const bow = person.curvature * random.uniform(0.5, 1.5) * (random.chance(0.5) ? 1 : -1);
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const control = { x: (from.x + to.x) / 2 - dy * bow, y: (from.y + to.y) / 2 + dx * bow };
  return { start, end, from, to, control };
}

/** Where the hand has the pointer at time `t` during a movement (quadratic Bézier, minimum jerk). */
export function positionAt(m: Movement, t: number): Point {
  const tau = Math.min(Math.max((t - m.start) / (m.end - m.start), 0), 1);
  const s = 10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5;
  const u = 1 - s;
  return {
    x: u * u * m.from.x + 2 * u * s * m.control.x + s * s * m.to.x,
    y: u * u * m.from.y + 2 * u * s * m.control.y + s * s * m.to.y,
  };
}
