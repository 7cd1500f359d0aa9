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
 * (each look is audited) and is gone once the retention policy deleted it.
 */
export function FacePhotos({
  hireId,
  reportId,
  photosDeletedAt,
  onSignedOut,
}: {
  hireId: string;
  reportId: string;
  photosDeletedAt: string | null;
  onSignedOut: () => void;
}) {
  const [frames, setFrames] = useState<Frames>({ state: 'hidden' });

  if (photosDeletedAt)
    return (
      <p className="deleted">
        ID photo and face frames deleted on{' '}
        <time dateTime={photosDeletedAt}>{formatTime(photosDeletedAt)}</time> (retention policy).
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
      <figure>
        <img src={photoUrl(hireId)} alt="ID photo on file" />
        <figcaption>ID photo</figcaption>
      </figure>
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
