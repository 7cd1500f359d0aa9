import type { Host } from '../host';
import type { AppRuntime, CodeSignature } from './app-state';
import type { DeclaredAsarHash } from './parse-asar';

/** Where each OS keeps the pieces of a packaged Electron app, and who vouches for them there. */
export interface AppPlatform {
  /** The file whose bytes carry Electron's fuse wire. */
  fuseBinary(runtime: AppRuntime): string;
  signature(host: Host, runtime: AppRuntime): Promise<CodeSignature>;
  /** The archive hashes embedded at packaging; `fuseBinary` holds the bytes of `fuseBinary()`. */
  declaredAsarHashes(host: Host, runtime: AppRuntime, fuseBinary: Buffer): Promise<DeclaredAsarHash[]>;
}
