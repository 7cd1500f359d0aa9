import { useState } from 'react';
import { ApiError, call, hrApi, photoUrl } from './api';
import { formatTime } from './format';
import { Problem } from './Problem';

type Frames =
  | { state: 'hidden' }
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | {
      state: 'shown';
      frames: { mediaType: string; data: string }[];
    };

/**
 * The report's face frames beside the hire's ID photo. Biometric data is shown only when HR asks
 * (each look is audited) and is gone once deleted (retention, a withdrawal, offboarding); the ID
 * photo and each report's frames are deleted on their own schedules.
 */
export function FacePhotos({
  hireId,
  reportId,
  framesDeletedAt,
  photoDeletedAt,
  onSignedOut,
}: {
  hireId: string;
  reportId: string;
  framesDeletedAt: string | null;
  photoDeletedAt: string | null;
  onSignedOut: () => void;
}) {
  const [frames, setFrames] = useState<Frames>({ state: 'hidden' });

  if (framesDeletedAt)
    return (
      <p className="deleted">
        Face frames deleted on <time dateTime={framesDeletedAt}>{formatTime(framesDeletedAt)}</time>.
      </p>
    );

  const show = () => {
    setFrames({ state: 'loading' });
    call(hrApi.frames, { params: { id: reportId } }).then(
      (answer) => setFrames({ state: 'shown', frames: answer.frames }),
      (error: unknown) => {
        const failure = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
        if (failure.status === 401) onSignedOut();
        setFrames({ state: 'failed', error: failure });
      },
    );
  };

  if (frames.state === 'hidden' || frames.state === 'loading')
    return (
      <button type="button" className="secondary" onClick={show} disabled={frames.state === 'loading'}>
        {frames.state === 'loading' ? 'Loading…' : 'Show face frames beside the ID photo'}
      </button>
    );
  if (frames.state === 'failed') return <Problem error={frames.error} />;
  return (
    <div className="faces" role="group" aria-label="ID photo and face frames">
      {photoDeletedAt ? (
        <p className="deleted">
          ID photo deleted on <time dateTime={photoDeletedAt}>{formatTime(photoDeletedAt)}</time>.
        </p>
      ) : (
        <figure>
          <img src={photoUrl(hireId)} alt="ID photo on file" />
          <figcaption>ID photo</figcaption>
        </figure>
      )}
      {frames.frames.map((frame, i) => (
        <figure key={i}>
          <img
            src={`data:${frame.mediaType};base64,${frame.data}`}
            alt={`Face frame ${i + 1} from the app`}
          />
          <figcaption>Frame {i + 1}</figcaption>
        </figure>
      ))}
      <button type="button" className="secondary" onClick={() => setFrames({ state: 'hidden' })}>
        Hide photos
      </button>
    </div>
  );
}
