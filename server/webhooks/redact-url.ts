/**
 * A receiver's address as logs, errors and the audit trail may show it: scheme, host and port.
 * Paths and queries often carry the receiver's own secret (…/hooks/T0/B0/XXXX, ?token=…), and
 * credentials may sit in the authority.
 */
export function redactUrl(url: string): string {
  try {
    const { protocol, host, pathname, search } = new URL(url);
    return `${protocol}//${host}${pathname === '/' && !search ? '/' : '/…'}`;
  } catch {
    return '(not a URL)';
  }
}
