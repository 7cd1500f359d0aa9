/**
 * Links the app may hand to the user's browser: https only, and only under an allowed prefix
 * (e.g. the HR service's privacy page). Everything else a page tries to open is dropped.
 */
export function externalLinkPolicy(allowedPrefixes: readonly string[]): (url: string) => boolean {
  const allowed = allowedPrefixes.filter((p) => p.startsWith('https://'));
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
    return allowed.some((prefix) => parsed.href.startsWith(prefix));
  };
}
