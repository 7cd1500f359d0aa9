import type { CodeSignature } from './app-state';

/**
 * `codesign --verify --deep --strict` prints nothing and exits 0 for a valid signature; otherwise
 * its message (here: the failed command's error text) says whether there is no signature at all
 * or a broken one. `display` is `codesign -dv --verbose=2` output, which names the signer.
 */
export function codesignVerdict(verifyError: string | null, display: string): CodeSignature {
  const authority = /^Authority=(.+)$/m.exec(display)?.[1]?.trim() ?? null;
  const team = /^TeamIdentifier=(.+)$/m.exec(display)?.[1]?.trim() ?? null;
  const signer = authority ? `${authority}${team && !authority.includes(team) ? ` (${team})` : ''}` : null;
  if (verifyError === null) {
    // flags=0x10000(runtime): the hardened runtime that notarization requires.
    const runtime = /^CodeDirectory .*flags=\S*\bruntime\b/m.test(display)
      ? 'hardened runtime'
      : 'no hardened runtime';
    return {
      method: 'codesign',
      status: 'valid',
      signer,
      detail: `codesign --verify --deep --strict passed; ${runtime}`,
    };
  }
  const reason = lastLine(verifyError);
  if (/ENOENT|command not found/i.test(verifyError)) {
    return { method: 'codesign', status: 'unverifiable', signer, detail: `codesign did not run: ${reason}` };
  }
  if (/not signed at all/i.test(verifyError)) {
    return { method: 'codesign', status: 'unsigned', signer: null, detail: reason };
  }
  return { method: 'codesign', status: 'invalid', signer, detail: reason };
}

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? text
  );
}
