import { describe, expect, it } from 'vitest';
import { parseInputTrace } from '../../../main/contract/input-trace';
import { ReactionTrials, type ReactionView, type Wait } from '../../../renderer/input/reaction-trials';
import { TraceRecorder } from '../../../renderer/input/trace-recorder';

/** A clock the test moves by hand: callbacks run when their time comes. */
class Timeline {
  now = 0;
  private pending: { at: number; run: () => void; live: boolean }[] = [];

  wait: Wait = (ms, run) => {
    const entry = { at: this.now + ms, run, live: true };
    this.pending.push(entry);
    return () => {
      entry.live = false;
    };
  };

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = this.pending.filter((p) => p.live && p.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      next.live = false;
      this.now = next.at;
      next.run();
    }
    this.now = until;
  }
}

function setUp(trials = 3) {
  const clock = new Timeline();
  const recorder = new TraceRecorder();
  const views: ReactionView[] = [];
  const onsets: number[] = [];
  const controller = new ReactionTrials(
    recorder,
    { trials, waitMs: [1000, 3000], timeoutMs: 3000 },
    clock.wait,
    () => 0.5,
    { changed: (view) => views.push(view), target: (onset) => onsets.push(onset) },
  );
  const key = (): void => {
    recorder.input({ type: 'keydown', t: clock.now, ts: clock.now - 1, key: 'Space' });
    controller.press();
    recorder.input({ type: 'keyup', t: clock.now + 80, ts: clock.now + 79, key: 'Space' });
  };
  return { clock, recorder, views, onsets, controller, key };
}

describe('ReactionTrials', () => {
  it('shows each target at a random moment in the wait range and records reactions from the drawing frame', () => {
    const { clock, recorder, controller, onsets, key } = setUp(2);
    controller.start();
    expect(controller.current().phase).toBe('waiting');
    clock.advance(1999);
    expect(controller.current().phase).toBe('waiting');
    clock.advance(1);
    expect(controller.current().phase).toBe('target');
    controller.targetDrawn(2016.5);
    clock.advance(300);
    key();
    expect(controller.current()).toMatchObject({ phase: 'waiting', done: 1, note: 'got-it' });
    clock.advance(2000);
    controller.targetDrawn(clock.now + 5);
    clock.advance(250);
    key();
    expect(controller.current()).toMatchObject({ phase: 'finished', done: 2 });
    expect(onsets).toEqual([2016.5, 4305]);
    const trace = recorder.trace();
    expect(parseInputTrace(trace).ok).toBe(true);
    expect(trace.reactions.map((r) => r.response && r.response.ts - r.onset)).toEqual([282.5, 244]);
  });

  it('calls a press before the target is drawn too soon and starts the wait again, without a trial', () => {
    const { clock, recorder, controller, key } = setUp();
    controller.start();
    clock.advance(500);
    key();
    expect(controller.current()).toMatchObject({ phase: 'waiting', done: 0, note: 'too-soon' });
    clock.advance(2000);
    // In the DOM, but not yet painted: still too soon.
    expect(controller.current().phase).toBe('target');
    key();
    expect(controller.current()).toMatchObject({ phase: 'waiting', done: 0, note: 'too-soon' });
    expect(recorder.trace().reactions).toEqual([]);
  });

  it('times a trial out with no response and moves on', () => {
    const { clock, recorder, controller } = setUp(2);
    controller.start();
    clock.advance(2000);
    controller.targetDrawn(2000);
    clock.advance(3000);
    expect(controller.current()).toMatchObject({ phase: 'waiting', done: 1, note: 'missed' });
    expect(recorder.trace().reactions).toEqual([{ onset: 2000, response: null }]);
  });

  it('ignores presses before start and after the last trial, and draws of a target already drawn', () => {
    const { clock, controller, views, key } = setUp(1);
    key();
    expect(controller.current().phase).toBe('ready');
    controller.start();
    clock.advance(2000);
    controller.targetDrawn(2000);
    controller.targetDrawn(2016);
    clock.advance(200);
    key();
    const seen = views.length;
    key();
    controller.start();
    expect(views).toHaveLength(seen);
    expect(controller.current()).toMatchObject({ phase: 'finished', done: 1 });
  });

  it('leaves an open trial unanswered when the step is left, and schedules nothing after', () => {
    const { clock, recorder, controller, key } = setUp();
    controller.start();
    clock.advance(2000);
    controller.targetDrawn(2000);
    controller.stop();
    key();
    clock.advance(10_000);
    expect(recorder.trace().reactions).toEqual([{ onset: 2000, response: null }]);
  });
});
