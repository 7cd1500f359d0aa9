import { posix } from 'node:path';
import type { AppPlatform } from './app-platform';
import { declaredHashesInPlist } from './parse-asar';
import { codesignVerdict } from './parse-codesign';

/** `…/HireProof.app/Contents/MacOS/HireProof` → `…/HireProof.app`. */
function bundleOf(executablePath: string): string {
  const at = executablePath.lastIndexOf('.app/');
  if (at < 0) throw new Error(`${executablePath} is not inside a macOS .app bundle`);
  return executablePath.slice(0, at + '.app'.length);
}

/** Electron keeps its fuse wire in the framework binary, not in the app's small launcher. */
export function electronFrameworkOf(bundle: string): string {
  return posix.join(bundle, 'Contents/Frameworks/Electron Framework.framework/Electron Framework');
}

/** A deep verify hashes every file of the bundle: seconds on a large app, not milliseconds. */
const VERIFY_MS = 8_000;

export const darwinApp: AppPlatform = {
  fuseBinary: ({ executablePath }) =>
    posix.join(
      bundleOf(executablePath),
      'Contents/Frameworks/Electron Framework.framework/Electron Framework',
    ),

  async signature(host, { executablePath }) {
    const bundle = bundleOf(executablePath);
    const verifyError = await host
      .run('codesign', ['--verify', '--deep', '--strict', bundle], { timeoutMs: VERIFY_MS })
      .then(() => null)
      .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    // codesign prints the signer on stderr; the shell folds it into stdout, the path stays an argument.
    const display = await host
      .run('/bin/sh', ['-c', 'codesign -dv --verbose=2 "$1" 2>&1', 'sh', bundle])
      .catch(() => '');
    return codesignVerdict(verifyError, display);
  },

  async declaredAsarHashes(host, { executablePath }) {
    return declaredHashesInPlist(
      await host.readText(posix.join(bundleOf(executablePath), 'Contents/Info.plist')),
    );
  },
};
