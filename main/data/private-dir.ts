import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * A data folder only its owner can enter (0700), whether it is made now or was there already
 * (an existing folder keeps its mode otherwise, often 0755). Windows has no such modes.
 */
export function privateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
  return dir;
}

/** Files only their owner can read (0600): made so if missing, made so again if they were not. */
export function privateFiles(paths: readonly string[], create: boolean): void {
  for (const path of paths) {
    if (create && !existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    if (process.platform !== 'win32' && existsSync(path)) chmodSync(path, 0o600);
  }
}
