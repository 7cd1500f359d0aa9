import { UsageError } from './usage-error';

/** --server must be an http(s) URL; plain http is accepted only for this machine (tests, demos). */
export function serverUrl(value: string | undefined): string {
  if (!value) throw new UsageError('--server URL is required');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--server ${value} is not a URL (for example https://hr.example.com)`);
  }
  // `localhost:8080` parses as a URL whose scheme is "localhost:".
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(
      `--server ${value} has no http:// or https:// in front (for example https://hr.example.com)`,
    );
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new UsageError(`--server ${value} must use https (http only for localhost)`);
  }
  return url.origin;
}
