import { join } from 'node:path';
import type { Arch } from 'electron-builder';

/** The part of electron-builder's AfterPackContext the hooks read (tests pass a plain object). */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  arch: Arch;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The app electron-builder just packed, named as electron-builder names it. */
export function packedAppPath({ appOutDir, electronPlatformName, packager }: PackedApp): string {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      if (!packager.executableName) throw new Error('the Linux packager named no executable');
      return join(appOutDir, packager.executableName);
    default:
      throw new Error(`unknown Electron platform '${electronPlatformName}'`);
  }
}
