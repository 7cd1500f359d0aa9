import { z } from 'zod';
import { FuseWire } from '../../contract/fuses';

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
export const CodeSignature = z.object({
  /** codesign (macOS), Authenticode (Windows), the dpkg database (a .deb install), an AppImage. */
  method: z.enum(['codesign', 'authenticode', 'dpkg', 'appimage']),
  /** `unverifiable`: the tool could not answer (missing, unsupported file), not a verdict on the app. */
  status: z.enum(['valid', 'unsigned', 'invalid', 'unverifiable']),
  /** Who signed: certificate subject, team, or the package that installed the files. */
  signer: z.string().max(512).nullable(),
  detail: z.string().max(2048),
});
export type CodeSignature = z.infer<typeof CodeSignature>;

/** The app's code archive and the hash of its header that the signed executable declares. */
export const AsarState = z.object({
  /** app.asar's path, or null when the app's code is loose files. */
  archive: z.string().max(1024).nullable(),
  /** SHA-256 of the archive header, as computed now. */
  headerHash: z.string().max(64).nullable(),
  /** The hash embedded at packaging (Info.plist or the .exe's resources); Linux builds embed none. */
  declaredHash: z.string().max(64).nullable(),
});
export type AsarState = z.infer<typeof AsarState>;

/** The app's own integrity, as it runs. */
export const AppState = z.object({
  packaged: z.boolean(),
  version: z.string().max(64),
  executablePath: z.string().max(1024),
  /** The rest is read only for a packaged app. */
  signature: CodeSignature.nullable(),
  /** Every fuse wire in the binary that carries Electron's fuses (two in a universal macOS build). */
  fuseWires: z.array(FuseWire).max(4).nullable(),
  asar: AsarState.nullable(),
});
export type AppState = z.infer<typeof AppState>;
