/**
 * Only the face backend's worker (served under /face/) may compile WebAssembly; every other page
 * and script gets `default-src 'self'` with nothing inline and nothing from elsewhere.
 */
export const WASM_PATH_PREFIX = '/face/';

export function contentSecurityPolicy(pathname: string): string {
  const script = pathname.startsWith(WASM_PATH_PREFIX) ? "'self' 'wasm-unsafe-eval'" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
