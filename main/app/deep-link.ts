import { DEEP_LINK_SCHEME, EnrolmentCode } from '../contract/protocol';

export { DEEP_LINK_SCHEME };

/** The code in `hireproof://enrol?code=…`, or null for any other link or a malformed code. */
export function enrolCodeFromLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.hostname !== 'enrol') return null;
  const code = EnrolmentCode.safeParse(url.searchParams.get('code') ?? '');
  return code.success ? code.data : null;
}

/** On Windows and Linux the link arrives as a command-line argument (first launch or second instance). */
export function enrolCodeFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg.startsWith(`${DEEP_LINK_SCHEME}://`)) return enrolCodeFromLink(arg);
  }
  return null;
}
