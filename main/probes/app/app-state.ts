import type { FuseWire } from '../../contract/fuses';

/**
 * How this program was started, as only the running program knows. The Electron main passes
 * `{ isPackaged: app.isPackaged, executablePath: app.getPath('exe'), version: app.getVersion(),
 * resourcesPath: process.resourcesPath }`; the CLI from a checkout passes isPackaged=false.
 */
export interface AppRuntime {
  isPackaged: boolean;
  executablePath: string;
  version: string;
  /** The folder holding app.asar in a packaged app; null when running from source. */
  resourcesPath: string | null;
}

/** What vouches for the installed files, as the OS's own tool reports it. */
export interface CodeSignature {
  /** codesign (macOS), Authenticode (Windows), the dpkg database (a .deb install), an AppImage. */
  method: 'codesign' | 'authenticode' | 'dpkg' | 'appimage';
  /** `unverifiable`: the tool could not answer (missing, unsupported file), not a verdict on the app. */
  status: 'valid' | 'unsigned' | 'invalid' | 'unverifiable';
  /** Who signed: certificate subject, team, or the package that installed the files. */
  signer: string | null;
  detail: string;
}

/** The app's code archive and the hash of its header that the signed executable declares. */
export interface AsarState {
  /** app.asar's path, or null when the app's code is loose files. */
  archive: string | null;
  /** SHA-256 of the archive header, as computed now. */
  headerHash: string | null;
  /** The hash embedded at packaging (Info.plist or the .exe's resources); Linux builds embed none. */
  declaredHash: string | null;
}

/** The app's own integrity, as it runs. */
export interface AppState {
  packaged: boolean;
  version: string;
  executablePath: string;
  /** The rest is read only for a packaged app. */
  signature: CodeSignature | null;
  /** Every fuse wire in the binary that carries Electron's fuses (two in a universal macOS build). */
  fuseWires: FuseWire[] | null;
  asar: AsarState | null;
}
