import { DEEP_LINK_SCHEME } from '../../main/contract/protocol';

/** The HR service's page that opens the app with the code (mail clients rarely link a custom scheme). */
export function enrolPageUrl(serviceUrl: string, code: string): string {
  const url = new URL('enrol', serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
  url.searchParams.set('code', code);
  return url.toString();
}

/** The link the desktop app registers for: `hireproof://enrol?code=…`. */
export function enrolDeepLink(code: string): string {
  return `${DEEP_LINK_SCHEME}://enrol?code=${encodeURIComponent(code)}`;
}

/** Text for an HTML element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
