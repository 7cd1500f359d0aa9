import { useEffect, useId, useRef, type ReactElement } from 'react';

export interface TypingStepProps {
  sentence: string;
  onDone: () => void;
  /** The way out for people who cannot do timed tasks. */
  onDecline: () => void;
}

/**
 * Type a shown sentence. Only the timing of key presses is recorded (by the page-wide recorder, as
 * opaque key ids); the typed text lives in the field alone, is never put in state, and is cleared
 * when the step ends.
 */
export function TypingStep({ sentence, onDone, onDecline }: TypingStepProps): ReactElement {
  const headingId = useId();
  const sentenceId = useId();
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const typed = field.current;
    typed?.focus();
    return () => {
      if (typed) typed.value = '';
    };
  }, []);

  const finish = (): void => {
    if (field.current) field.current.value = '';
    onDone();
  };

  return (
    <section aria-labelledby={headingId} className="step hp-input-typing">
      <h2 id={headingId}>Typing</h2>
      <p>
        Type the sentence below at your usual pace, then press Enter or choose Continue. Mistakes do not
        matter: only the timing of your key presses is measured, not what you type.
      </p>
      <p id={sentenceId} className="hp-input-sentence">
        <strong>{sentence}</strong>
      </p>
      <label htmlFor={fieldId}>Your typing</label>
      <textarea
        id={fieldId}
        ref={field}
        rows={2}
        cols={50}
        aria-describedby={sentenceId}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            finish();
          }
        }}
      />
      <div className="actions">
        <button type="button" className="primary" onClick={finish}>
          Continue
        </button>
        <button type="button" onClick={onDecline}>
          I can’t do timed tasks
        </button>
      </div>
    </section>
  );
}
