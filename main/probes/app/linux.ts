import { parseEnviron } from '../session/parse-linux';
import type { AppPlatform } from './app-platform';
import type { CodeSignature } from './app-state';
import { dpkgChangedFiles, dpkgOwner } from './parse-dpkg';

/**
 * Linux has no OS-verified code signature for apps. What vouches for the files is the package that
 * installed them: dpkg recorded each file's MD5 and `dpkg --verify` names any that changed since.
 * An AppImage mounts itself read-only; electron-builder does not sign it, so it stays unverifiable.
 */
export const linuxApp: AppPlatform = {
  fuseBinary: ({ executablePath }) => executablePath,

  async signature(host, { executablePath }): Promise<CodeSignature> {
    const appImage = parseEnviron(await host.readText('/proc/self/environ').catch(() => '')).APPIMAGE;
    if (appImage) {
      return {
        method: 'appimage',
        status: 'unverifiable',
        signer: null,
        detail: `running from the AppImage ${appImage}, which carries no signature the OS verifies`,
      };
    }
    const owners = await host.run('dpkg', ['-S', executablePath]).catch((error: unknown) => error as Error);
    if (owners instanceof Error) {
      const noDpkg = /ENOENT/.test(owners.message);
      return {
        method: 'dpkg',
        status: noDpkg ? 'unverifiable' : 'unsigned',
        signer: null,
        detail: noDpkg
          ? 'dpkg is not installed: package provenance cannot be read on this distribution'
          : `no installed package owns ${executablePath}: the app was copied in, not installed`,
      };
    }
    const owner = dpkgOwner(owners, executablePath);
    if (owner === null) {
      return {
        method: 'dpkg',
        status: 'unsigned',
        signer: null,
        detail: `no package owns ${executablePath}`,
      };
    }
    const changed = dpkgChangedFiles(await host.run('dpkg', ['--verify', owner], { timeoutMs: 15_000 }));
    return changed.length === 0
      ? {
          method: 'dpkg',
          status: 'valid',
          signer: `deb package ${owner}`,
          detail: `dpkg --verify ${owner}: every file matches`,
        }
      : {
          method: 'dpkg',
          status: 'invalid',
          signer: `deb package ${owner}`,
          detail: `dpkg --verify ${owner}: ${changed.length} file(s) changed since install: ${changed.slice(0, 5).join(', ')}`,
        };
  },

  // Electron checks embedded ASAR integrity on macOS and Windows only.
  declaredAsarHashes: () => Promise.resolve([]),
};
