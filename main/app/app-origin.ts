/**
 * The renderer's own origin. It is served from `app://hireproof/…`, never file://, so the CSP,
 * the permission handler, the navigation guards and the IPC sender check all have one origin to trust.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hireproof';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Custom schemes have an opaque `origin` in WHATWG URL, so compare scheme and host instead. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
