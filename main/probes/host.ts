import { execFile } from 'node:child_process';
import { readFile, readdir, readlink, realpath } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Platform } from '../contract/checks';

/**
 * The one door to the operating system. Probes read through it; with a sysroot every path is
 * read under that folder instead of `/`, and no command runs, so tests can plant a whole machine.
 */
export interface Host {
  readonly platform: Platform;
  readonly sysroot: string | null;
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Buffer>;
  list(path: string): Promise<string[]>;
  readLink(path: string): Promise<string>;
  /** Runs a program and returns its stdout; refused under a sysroot. */
  run(file: string, args: readonly string[], timeoutMs?: number): Promise<string>;
}

export class SysrootEscape extends Error {}
export class CommandRefused extends Error {}

export function realHost(platform: Platform = process.platform as Platform): Host {
  return {
    platform,
    sysroot: null,
    readText: (path) => readFile(path, 'utf8'),
    readBytes: (path) => readFile(path),
    list: (path) => readdir(path),
    readLink: (path) => readlink(path),
    run: (file, args, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        execFile(
          file,
          [...args],
          { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
          (error, stdout) =>
            error ? reject(new Error(`${file} failed: ${error.message}`)) : resolve(stdout),
        );
      }),
  };
}

/** A Linux machine laid out under `root`, exactly as a real kernel lays out /proc and /sys. */
export function sysrootHost(root: string): Host {
  // A copied tree may hold absolute links (/proc/N/exe); following one would read the host.
  const inside = async (path: string): Promise<string> => {
    const joined = posix.join(root, posix.resolve('/', path));
    const resolved = await realpath(joined);
    if (resolved !== root && !resolved.startsWith(root + '/')) {
      throw new SysrootEscape(`${path} leads outside the sysroot (${resolved})`);
    }
    return resolved;
  };
  return {
    platform: 'linux',
    sysroot: root,
    readText: async (path) => readFile(await inside(path), 'utf8'),
    readBytes: async (path) => readFile(await inside(path)),
    list: async (path) => readdir(await inside(path)),
    // The link itself lives inside; its target is only text, never followed here.
    readLink: async (path) => readlink(posix.join(await inside(posix.dirname(path)), posix.basename(path))),
    run: (file) => Promise.reject(new CommandRefused(`no command runs under a sysroot (asked for ${file})`)),
  };
}
