// The input step on a page, as the wizard's "input step" slot would host it: input is recorded
// passively from page load, through a few clicks standing in for the rest of onboarding, into the
// step. Query parameters set those clicks, the sentence and the reaction timing; the result and the
// target onsets are handed to the test.
import { StrictMode, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { recordInput } from '../../../renderer/input/dom-recording';
import { InputStep } from '../../../renderer/input/InputStep';
import type { InputStepResult } from '../../../renderer/input/input-step-result';
import { TraceRecorder } from '../../../renderer/input/trace-recorder';

declare global {
  interface Window {
    /** Set when the step completes. */
    hireproofInputResult?: InputStepResult;
    /** Exposed by the test (Playwright binding): told each target's onset. */
    harnessTarget?: (onset: number) => Promise<void>;
  }
}

/** Where the stand-in onboarding buttons sit (CSS px in a 1280×800 window), spread like real clicks. */
const SPOTS = [
  { x: 1040, y: 620 },
  { x: 220, y: 560 },
  { x: 980, y: 160 },
  { x: 420, y: 300 },
  { x: 1160, y: 420 },
] as const;

const query = new URLSearchParams(location.search);
const number = (name: string): number | undefined => (query.has(name) ? Number(query.get(name)) : undefined);
const trials = number('trials');
const waitLow = number('waitLow');
const waitHigh = number('waitHigh');
const timeoutMs = number('timeoutMs');
const clicks = Math.min(number('clicks') ?? 0, SPOTS.length);

const recorder = new TraceRecorder();
recordInput(window, recorder);

function Harness(): ReactElement {
  const [clicked, setClicked] = useState(0);
  if (clicked < clicks) {
    const spot = SPOTS[clicked]!;
    return (
      <button
        type="button"
        style={{ position: 'absolute', left: spot.x - 50, top: spot.y - 20, width: 100, height: 40 }}
        onClick={() => setClicked(clicked + 1)}
      >
        Point {clicked + 1}
      </button>
    );
  }
  return (
    <InputStep
      recorder={recorder}
      sentence={query.get('sentence') ?? undefined}
      reaction={{
        ...(trials !== undefined ? { trials } : {}),
        ...(waitLow !== undefined && waitHigh !== undefined ? { waitMs: [waitLow, waitHigh] } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      }}
      onTarget={(onset) => void window.harnessTarget?.(onset)}
      onComplete={(result) => {
        window.hireproofInputResult = result;
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>HireProof input step (test harness)</h1>
      <Harness />
    </main>
  </StrictMode>,
);
