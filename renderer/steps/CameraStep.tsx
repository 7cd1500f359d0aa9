import { useEffect, useRef, useState } from 'react';
import { messageOf, useApi } from '../api';
import type { CameraStepTerms } from '../../main/contract/ipc';
import { LivenessChallenge } from '../../main/contract/liveness';
import { challengePrompts } from '../face/challenge-prompts';
import { FrameToPage, type PageToFrame } from '../face/frame-messages';
import { humanCheckEvidence } from '../face/human-check';
import { ErrorNote } from '../ui/ErrorNote';
import { StepHeading } from '../ui/StepHeading';
import type { CameraStep as CameraStepSlot, CameraStepEvidence } from './evidence-step';

/** What the hire was asked to do, for a challenge kind the evidence names. */
const promptOf = (kind: string) => {
  const known = LivenessChallenge.safeParse(kind);
  return known.success ? challengePrompts[known.data] : kind;
};

/** The camera step's document: the one path whose CSP lets the WASM face backend run. */
const FACE_FRAME_URL = '/face/index.html';

type Phase =
  | { name: 'preparing' }
  | { name: 'declined' }
  | { name: 'camera'; terms: CameraStepTerms }
  | { name: 'not-passed'; evidence: CameraStepEvidence }
  | { name: 'stopped'; why: string };

/**
 * The camera and liveness step in the wizard, only with biometric consent. It begins by taking the
 * HR service's challenge: the movements it asks for, in its order (offline it cannot begin, and
 * says so). The check itself runs in a frame under /face/; the server alone matches the frames to
 * the ID photo and judges the movements again (the device never holds a face template, and its
 * own liveness result is advisory). A failed check can be tried again (with new movements) or sent
 * as it is for HR to review; a person's video call is always on offer.
 */
export const CameraStep: CameraStepSlot = ({ onComplete, onSkip }) => {
  const api = useApi();
  const [phase, setPhase] = useState<Phase>({ name: 'preparing' });
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const skip = useRef(onSkip);
  skip.current = onSkip;

  useEffect(() => {
    let live = true;
    (async () => {
      const { consent } = await api.getStatus({});
      if (!consent?.biometric) return live && setPhase({ name: 'declined' });
      const terms = await api.beginCameraStep({}).catch((e: unknown) => {
        if (live) setPhase({ name: 'stopped', why: messageOf(e) });
        return undefined;
      });
      if (!live || terms === undefined) return;
      // HR asks for no camera check this time.
      if (terms === null) skip.current('not-asked');
      else setPhase({ name: 'camera', terms });
    })().catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
    // A new attempt takes a new challenge.
  }, [api, attempt]);

  const askForPerson = () => onComplete(humanCheckEvidence(null));
  const tryAgain = () => {
    setAttempt((n) => n + 1);
    setPhase({ name: 'preparing' });
  };

  const onFrameMessage = (message: FrameToPage) => {
    if (message.type === 'result') {
      const evidence = { face: message.face, liveness: message.liveness };
      if (message.outcome === 'human-check' || message.liveness.passed) onComplete(evidence);
      else setPhase({ name: 'not-passed', evidence });
    } else if (message.type === 'no-camera') {
      setPhase({ name: 'stopped', why: `We cannot use a camera here: ${message.reason}.` });
    } else if (message.type === 'failed') {
      setPhase({ name: 'stopped', why: `The camera check stopped: ${message.message}.` });
    }
  };

  return (
    <section className="step" aria-busy={phase.name === 'preparing' && !error}>
      <StepHeading>Camera check</StepHeading>
      {phase.name === 'preparing' && !error && <progress aria-label="Preparing the camera check" />}
      <ErrorNote message={error} />
      {phase.name === 'declined' && (
        <>
          <p>
            You chose a short video call with a person instead of the camera check. HR will contact you to
            arrange it; nothing about your face is collected.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => onSkip('no-biometric-consent')}>
              Continue
            </button>
          </div>
        </>
      )}
      {phase.name === 'camera' && (
        <FaceFrame key={attempt} movements={phase.terms.movements} onMessage={onFrameMessage} />
      )}
      {phase.name === 'not-passed' && (
        <>
          <p className="warning">The camera check did not succeed:</p>
          <ul className="plain-list">
            {phase.evidence.liveness.challenges
              .filter((c) => !c.passed)
              .map((c, i) => (
                <li key={i}>
                  {promptOf(c.kind)} {c.reason ? `(${c.reason})` : ''}
                </li>
              ))}
          </ul>
          <p>
            Sit facing the camera in good light, then try again. You can also send the result as it is: HR
            will review it.
          </p>
          <RetryActions
            onPerson={askForPerson}
            onSend={() => onComplete(phase.evidence)}
            onRetry={tryAgain}
          />
        </>
      )}
      {phase.name === 'stopped' && (
        <>
          <p className="warning">{phase.why}</p>
          <p>Connect the laptop&apos;s own camera and try again, or ask for a video call with a person.</p>
          <RetryActions onPerson={askForPerson} onRetry={tryAgain} />
        </>
      )}
    </section>
  );
};

/** After a check that did not work: a person's call, sending it as it is (when there is a result), or again. */
function RetryActions(props: { onPerson: () => void; onSend?: () => void; onRetry: () => void }) {
  return (
    <div className="actions">
      <button type="button" onClick={props.onPerson}>
        Ask for a video call instead
      </button>
      {props.onSend && (
        <button type="button" onClick={props.onSend}>
          Send as it is
        </button>
      )}
      <button type="button" className="primary" onClick={props.onRetry}>
        Try again
      </button>
    </div>
  );
}

/** The frame hosting the camera step: it hears only its own frame, and only messages of the contract. */
function FaceFrame({
  movements,
  onMessage,
}: {
  movements: CameraStepTerms['movements'];
  onMessage: (message: FrameToPage) => void;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(560);
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    const listen = (event: MessageEvent<unknown>) => {
      const source = frame.current?.contentWindow;
      if (!source || event.source !== source || event.origin !== location.origin) return;
      const message = FrameToPage.safeParse(event.data);
      if (!message.success) return;
      if (message.data.type === 'ready') {
        const start: PageToFrame = { type: 'start', movements };
        source.postMessage(start, location.origin);
      } else if (message.data.type === 'size') setHeight(Math.ceil(message.data.height));
      else handler.current(message.data);
    };
    window.addEventListener('message', listen);
    return () => window.removeEventListener('message', listen);
  }, [movements]);

  return (
    <iframe
      ref={frame}
      className="face-frame"
      src={FACE_FRAME_URL}
      title="Camera check"
      allow="camera"
      style={{ height }}
    />
  );
}
