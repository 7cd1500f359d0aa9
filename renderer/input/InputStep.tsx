import { useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { recordInput } from './dom-recording';
import { inputStepResult, type InputStepResult } from './input-step-result';
import { defaultReactionTiming, type ReactionTiming } from './reaction-trials';
import { ReactionStep } from './ReactionStep';
import { TraceRecorder } from './trace-recorder';
import { TypingStep } from './TypingStep';

export const defaultSentence = 'my new laptop arrived today and it works well';

export interface InputStepProps {
  /**
   * The wizard's recorder when it records passively through all of onboarding (it then owns the DOM
   * listeners); without one the step records from when it appears until it ends.
   */
  recorder?: TraceRecorder;
  sentence?: string;
  reaction?: Partial<ReactionTiming>;
  onComplete: (result: InputStepResult) => void;
  /** The frame time at which each reaction target was drawn. */
  onTarget?: (onset: number) => void;
}

type Stage = 'intro' | 'typing' | 'reaction' | 'done';

/**
 * The onboarding's input step: a sentence to type and reaction rounds, ending with the trace, its
 * analysis and the report evidence. Every screen offers a way out for people who cannot do timed
 * tasks: the step then ends with what was recorded and says a person should check instead.
 */
export function InputStep({
  recorder: shared,
  sentence = defaultSentence,
  reaction,
  onComplete,
  onTarget,
}: InputStepProps): ReactElement {
  const headingId = useId();
  const [own] = useState(() => (shared ? null : new TraceRecorder()));
  const recorder = shared ?? own!;
  const stopRecording = useRef<() => void>(() => {});
  const started = useRef(performance.now());
  const finished = useRef(false);
  const [stage, setStage] = useState<Stage>('intro');
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const { trials, waitMs, timeoutMs } = { ...defaultReactionTiming, ...reaction };
  const [waitLow, waitHigh] = waitMs;
  const timing = useMemo(
    () => ({ trials, waitMs: [waitLow, waitHigh] as const, timeoutMs }),
    [trials, waitLow, waitHigh, timeoutMs],
  );

  useEffect(() => {
    if (stage === 'done') doneHeading.current?.focus();
  }, [stage]);

  useEffect(() => {
    if (!own) return;
    const stop = recordInput(window, own);
    stopRecording.current = stop;
    return stop;
  }, [own]);

  const finish = (humanCheckRequested: boolean): void => {
    // A click on the way out can also end the last round: the step ends once.
    if (finished.current) return;
    finished.current = true;
    stopRecording.current();
    setStage('done');
    onComplete(
      inputStepResult(recorder.trace(), {
        humanCheckRequested,
        durationMs: performance.now() - started.current,
      }),
    );
  };

  switch (stage) {
    case 'intro':
      return (
        <section aria-labelledby={headingId} className="step hp-input-intro">
          <h2 id={headingId}>Typing and reaction</h2>
          <p>
            Two short tasks check that the keyboard and mouse are connected to this laptop rather than
            controlled over a network: type one sentence, then react to a circle {timing.trials} times. It
            takes about a minute. Only the timing of key presses, clicks and pointer movement is kept, never
            what you type.
          </p>
          <p>
            If timed tasks are hard for you, choose “I can’t do timed tasks”: a person will check in another
            way, and this is not held against you.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setStage('typing')}>
              Start
            </button>
            <button type="button" onClick={() => finish(true)}>
              I can’t do timed tasks
            </button>
          </div>
        </section>
      );
    case 'typing':
      return (
        <TypingStep sentence={sentence} onDone={() => setStage('reaction')} onDecline={() => finish(true)} />
      );
    case 'reaction':
      return (
        <ReactionStep
          recorder={recorder}
          timing={timing}
          onTarget={onTarget}
          onDone={() => finish(false)}
          onDecline={() => finish(true)}
        />
      );
    case 'done':
      return (
        <section aria-labelledby={headingId} className="step hp-input-done">
          <h2 id={headingId} ref={doneHeading} tabIndex={-1}>
            Thank you
          </h2>
          <p role="status">This step is complete.</p>
        </section>
      );
  }
}
