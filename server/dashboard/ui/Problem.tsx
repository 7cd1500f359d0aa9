import type { ApiError } from './api';

/** An API refusal in the server's own words, announced to screen readers. */
export function Problem({ error }: { error: ApiError }) {
  return (
    <p className="error" role="alert">
      {error.message} <span className="code">({error.code})</span>
    </p>
  );
}
