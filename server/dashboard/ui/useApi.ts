import { useEffect, useState } from 'react';
import { ApiError } from './api';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  /** `key`: the load that gave `data`, so a component holding state from it knows when it is replaced. */
  | { state: 'ready'; data: T; key: string };

/**
 * Loads again whenever `key` changes, keeping what it showed until the new answer arrives; a 401
 * is handed to `onSignedOut` so the page returns to sign-in.
 */
export function useApi<T>(key: string, load: () => Promise<T>, onSignedOut: () => void): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: 'ready', data, key }),
      (error: unknown) => {
        if (!current) return;
        const failure = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
        if (failure.status === 401) onSignedOut();
        setResult({ state: 'failed', error: failure });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` and `onSignedOut` are new closures on each render: the key alone says when to load.
  }, [key]);
  return result;
}
