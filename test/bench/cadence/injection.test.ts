import { describe, expect, it } from 'vitest';
import { remoteLinks } from '../../../bench/cadence/conditions';
import { InputPlan, MOUSE_BUTTON, type InjectedEvent } from '../../../bench/cadence/injection';
import { median } from '../../../main/contract/cadence/stats';

const from = { x: 640, y: 400 };
const remote = remoteLinks.find((l) => l.name === '100–200 ms, 30–60 Hz')!;
const sorted = (events: readonly InjectedEvent[]): boolean =>
  events.every((e, i) => i === 0 || e.time >= events[i - 1]!.time);

/** Reaction delays (first press after the onset) over many targets. */
function reactionDelays(plan: InputPlan, count: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const onset = 10_000 + i * 3000;
    return plan.react(onset).find((e) => e.kind === 'keydown')!.time - onset;
  });
}

describe('InputPlan', () => {
  it('is deterministic for a seed', () => {
    const act = (plan: InputPlan) => [
      ...plan.click({ x: 100, y: 100 }, 0),
      ...plan.type('hello there', 3000),
      ...plan.react(9000),
    ];
    expect(act(new InputPlan(5, { person: 'typical', link: remote }, from))).toEqual(
      act(new InputPlan(5, { person: 'typical', link: remote }, from)),
    );
  });

  it('moves to the target along a path, then presses and releases the button there', () => {
    const plan = new InputPlan(1, { person: 'typical', link: null }, from);
    const events = plan.click({ x: 200, y: 150 }, 1000);
    expect(sorted(events)).toBe(true);
    const moves = events.filter((e) => e.kind === 'move');
    expect(moves.length).toBeGreaterThan(5);
    expect(moves[0]!.time).toBeGreaterThanOrEqual(1300);
    const last = moves[moves.length - 1]!;
    expect(Math.hypot(last.x - 200, last.y - 150)).toBeLessThan(3);
    const button = events.filter((e) => e.kind !== 'move');
    expect(button.map((e) => [e.kind, 'code' in e && e.code])).toEqual([
      ['keydown', MOUSE_BUTTON],
      ['keyup', MOUSE_BUTTON],
    ]);
    expect(button[0]!.time).toBeGreaterThan(last.time);
  });

  it('types every character as a press and a release, with human dwell times', () => {
    const plan = new InputPlan(2, { person: 'typical', link: null }, from);
    const text = 'my laptop works fine today';
    const events = plan.type(text, 0);
    expect(sorted(events)).toBe(true);
    expect(events.filter((e) => e.kind === 'keydown')).toHaveLength(text.length);
    expect(events.filter((e) => e.kind === 'keyup')).toHaveLength(text.length);
    expect(() => plan.type('Hello!', 0)).toThrow(/lower-case letters and spaces/);
  });

  it('reacts a few hundred ms after a local target, and a link adds its round trip', () => {
    const local = reactionDelays(new InputPlan(3, { person: 'typical', link: null }, from), 40);
    const remoteDelays = reactionDelays(new InputPlan(3, { person: 'typical', link: remote }, from), 40);
    expect(median(local)).toBeGreaterThan(180);
    expect(median(local)).toBeLessThan(400);
    expect(Math.min(...local)).toBeGreaterThan(100);
    // Seen after the capture, the codec and the trip out; answered after the trip back.
    expect(median(remoteDelays)! - median(local)!).toBeGreaterThan(200);
  });

  it('delivers remote input in packets: events of one tick arrive within a millisecond', () => {
    const plan = new InputPlan(4, { person: 'fast typist', link: remote }, from);
    const events = plan.type('the quick brown fox jumps over the lazy dog', 0);
    const gaps = events.slice(1).map((e, i) => e.time - events[i]!.time);
    expect(gaps.filter((g) => g <= 1).length).toBeGreaterThan(0);
    const local = new InputPlan(4, { person: 'fast typist', link: null }, from).type(
      'the quick brown fox jumps over the lazy dog',
      0,
    );
    const localGaps = local.slice(1).map((e, i) => e.time - local[i]!.time);
    expect(localGaps.filter((g) => g <= 1).length).toBeLessThan(gaps.filter((g) => g <= 1).length);
  });
});
