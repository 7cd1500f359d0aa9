/**
 * The camera step's document lives under /face/: only there may WebAssembly compile (tfjs's WASM
 * backend), and only the app's own page may frame it. Every other page gets `default-src 'self'`
 * with nothing inline, nothing from elsewhere, and frames only from the app itself.
 */
export const FACE_PATH_PREFIX = '/face/';

export function contentSecurityPolicy(pathname: string): string {
  const face = pathname.startsWith(FACE_PATH_PREFIX);
  return [
    "default-src 'self'",
    `script-src ${face ? "'self' 'wasm-unsafe-eval'" : "'self'"}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-src ${face ? "'none'" : "'self'"}`,
    `frame-ancestors ${face ? "'self'" : "'none'"}`,
  ].join('; ');
}
