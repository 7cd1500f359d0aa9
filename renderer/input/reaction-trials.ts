import type { TraceRecorder } from './trace-recorder';

export type ReactionPhase = 'ready' | 'waiting' | 'target' | 'finished';

/** What the last input or timeout meant, for the person doing the trials. */
export type ReactionNote = 'too-soon' | 'missed' | 'got-it' | null;

export interface ReactionView {
  phase: ReactionPhase;
  /** Trials finished so far (answered or timed out). */
  done: number;
  trials: number;
  note: ReactionNote;
}

export interface ReactionTiming {
  trials: number;
  /** The target appears at a random moment this long after the previous trial (ms). */
  waitMs: readonly [number, number];
  /** A trial with no response by then is recorded as missed (ms). */
  timeoutMs: number;
}

export const defaultReactionTiming: ReactionTiming = { trials: 10, waitMs: [1000, 3000], timeoutMs: 3000 };

/** Schedules a callback; returns how to cancel it. */
export type Wait = (ms: number, callback: () => void) => () => void;

/**
 * The reaction trials as a state machine, apart from React and the DOM: targets at random moments,
 * a press before the target is drawn is "too soon" and restarts the wait, a trial with no response
 * times out. The page reports the frame that drew each target (`targetDrawn`) and every non-repeat
 * key press or pointer press (`press`), the same inputs the recorder answers trials with.
 */
export class ReactionTrials {
  private view: ReactionView;
  private onset: number | null = null;
  private cancel: () => void = () => {};

  constructor(
    private readonly recorder: TraceRecorder,
    private readonly timing: ReactionTiming,
    private readonly wait: Wait,
    private readonly random: () => number,
    private readonly events: {
      changed(view: ReactionView): void;
      /** The frame time at which a target was drawn. */
      target?(onset: number): void;
    },
  ) {
    this.view = { phase: 'ready', done: 0, trials: timing.trials, note: null };
  }

  current(): ReactionView {
    return this.view;
  }

  start(): void {
    if (this.view.phase === 'ready') this.schedule(null);
  }

  /** The page drew the target in the frame that started at `time` (its requestAnimationFrame time). */
  targetDrawn(time: number): void {
    if (this.view.phase !== 'target' || this.onset !== null) return;
    this.onset = time;
    this.recorder.stimulus(time);
    this.events.target?.(time);
    this.cancel = this.wait(this.timing.timeoutMs, () => {
      this.recorder.endTrial();
      this.next('missed');
    });
  }

  /** A non-repeat key press or a pointer press. */
  press(): void {
    if (this.view.phase === 'waiting' || (this.view.phase === 'target' && this.onset === null)) {
      this.cancel();
      this.schedule('too-soon');
    } else if (this.view.phase === 'target') {
      this.cancel();
      this.next('got-it');
    }
  }

  /** Leaving the step: nothing more is scheduled and an open trial counts as unanswered. */
  stop(): void {
    this.cancel();
    if (this.view.phase === 'target') this.recorder.endTrial();
  }

  private schedule(note: ReactionNote): void {
    this.onset = null;
    this.set({ phase: 'waiting', note });
    const [low, high] = this.timing.waitMs;
    this.cancel = this.wait(low + (high - low) * this.random(), () =>
      this.set({ phase: 'target', note: null }),
    );
  }

  private next(note: ReactionNote): void {
    const done = this.view.done + 1;
    if (done >= this.timing.trials) {
      this.onset = null;
      this.set({ phase: 'finished', done, note });
    } else {
      this.set({ done });
      this.schedule(note);
    }
  }

  private set(change: Partial<ReactionView>): void {
    this.view = { ...this.view, ...change };
    this.events.changed(this.view);
  }
}
