import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { ReactionTrials, type ReactionTiming, type ReactionView } from './reaction-trials';
import type { TraceRecorder } from './trace-recorder';

export interface ReactionStepProps {
  recorder: TraceRecorder;
  timing: ReactionTiming;
  onDone: () => void;
  /** The way out for people who cannot do timed tasks. */
  onDecline: () => void;
  /** The frame time at which each target was drawn. */
  onTarget?: (onset: number) => void;
}

const MESSAGES: Record<ReactionView['phase'], string> = {
  ready: 'Choose Start when you are ready.',
  waiting: 'Wait for the circle…',
  target: 'Now! Press any key or click.',
  finished: 'All rounds done.',
};
const NOTES = {
  'too-soon': 'Too soon. Wait for the circle. ',
  missed: 'Missed that one. ',
  'got-it': '',
} as const;

/**
 * Reaction rounds: a circle appears at a random moment and the person presses any key or clicks.
 * Reaction time runs from the frame that drew the circle to the input's own timestamp, so a remote
 * operator's round trip shows. The circle's arrival is also announced (aria-live) in words.
 */
export function ReactionStep({
  recorder,
  timing,
  onDone,
  onDecline,
  onTarget,
}: ReactionStepProps): ReactElement {
  const headingId = useId();
  const pad = useRef<HTMLDivElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const [view, setView] = useState<ReactionView | null>(null);
  const trials = useRef<ReactionTrials | null>(null);
  const callbacks = useRef({ onDone, onTarget });
  callbacks.current = { onDone, onTarget };

  // Keyboard users arrive on Start; screen readers hear its label and the instructions above it.
  useEffect(() => startButton.current?.focus(), []);

  useEffect(() => {
    const wait = (ms: number, callback: () => void): (() => void) => {
      const id = window.setTimeout(callback, ms);
      return () => window.clearTimeout(id);
    };
    const controller = new ReactionTrials(recorder, timing, wait, Math.random, {
      changed: setView,
      target: (onset) => callbacks.current.onTarget?.(onset),
    });
    trials.current = controller;
    setView(controller.current());
    const onPress = (event: KeyboardEvent | PointerEvent): void => {
      if (event instanceof KeyboardEvent) {
        if (event.repeat) return;
        // Keep Space and Enter from scrolling or activating a button when aimed at the rounds.
        const atPad = event.target === pad.current || event.target === document.body;
        if (atPad && (event.key === ' ' || event.key === 'Enter')) event.preventDefault();
      }
      controller.press();
    };
    window.addEventListener('keydown', onPress);
    window.addEventListener('pointerdown', onPress);
    return () => {
      window.removeEventListener('keydown', onPress);
      window.removeEventListener('pointerdown', onPress);
      controller.stop();
      trials.current = null;
    };
  }, [recorder, timing]);

  const phase = view?.phase ?? 'ready';
  useLayoutEffect(() => {
    if (phase !== 'target') return;
    // Runs after the circle is in the DOM: the next frame is the one that paints it.
    const frame = window.requestAnimationFrame((time) => trials.current?.targetDrawn(time));
    return () => window.cancelAnimationFrame(frame);
  }, [phase, view?.done]);

  useEffect(() => {
    if (phase === 'finished') callbacks.current.onDone();
  }, [phase]);

  const start = (): void => {
    pad.current?.focus();
    trials.current?.start();
  };
  const round = Math.min((view?.done ?? 0) + 1, timing.trials);

  return (
    <section aria-labelledby={headingId} className="step hp-input-reaction">
      <h2 id={headingId}>Reaction</h2>
      <p>
        A circle will appear in the box below at a random moment. As soon as you see it, press any key or
        click. There are {timing.trials} rounds and each takes a few seconds.
      </p>
      {phase === 'ready' && (
        <button type="button" className="primary" ref={startButton} onClick={start}>
          Start
        </button>
      )}
      <div
        ref={pad}
        tabIndex={-1}
        role="group"
        aria-label="Reaction area"
        className="hp-input-pad"
        data-phase={phase}
        style={padStyle}
      >
        {phase === 'target' && (
          <div className="hp-input-target" style={targetStyle}>
            Now!
          </div>
        )}
      </div>
      <p role="status" aria-live="assertive" aria-atomic="true" className="hp-input-status">
        {(view?.note ? NOTES[view.note] : '') + MESSAGES[phase]}
      </p>
      {phase !== 'ready' && phase !== 'finished' && (
        <p>
          Round {round} of {timing.trials}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onDecline}>
          I can’t do timed tasks
        </button>
      </div>
    </section>
  );
}

const padStyle = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: '100%',
  maxWidth: 640,
  height: 280,
  border: '2px solid currentColor',
  borderRadius: 8,
} as const;

const targetStyle = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: 160,
  height: 160,
  borderRadius: '50%',
  background: '#0b5fff',
  color: '#ffffff',
  fontSize: 32,
  fontWeight: 700,
} as const;
