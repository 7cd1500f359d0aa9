import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
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

/** A synchronous read as a promise, so a failed read rejects like any async one. */
function settle<T>(read: () => T): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export class SysrootEscape extends Error {}
export class CommandRefused extends Error {}

/*
 * Reads are synchronous on purpose: /proc and /sys live in memory, and a scan of a few thousand
 * tiny files is 5-8x faster without a thread-pool round trip per file (see bench:checks).
 */
export function realHost(platform: Platform = process.platform as Platform): Host {
  return {
    platform,
    sysroot: null,
    readText: (path) => settle(() => readFileSync(path, 'utf8')),
    readBytes: (path) => settle(() => readFileSync(path)),
    list: (path) => settle(() => readdirSync(path)),
    readLink: (path) => settle(() => readlinkSync(path)),
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
  const inside = (path: string): string => {
    const joined = posix.join(root, posix.resolve('/', path));
    const resolved = realpathSync(joined);
    if (resolved !== root && !resolved.startsWith(root + '/')) {
      throw new SysrootEscape(`${path} leads outside the sysroot (${resolved})`);
    }
    return resolved;
  };
  return {
    platform: 'linux',
    sysroot: root,
    readText: (path) => settle(() => readFileSync(inside(path), 'utf8')),
    readBytes: (path) => settle(() => readFileSync(inside(path))),
    list: (path) => settle(() => readdirSync(inside(path))),
    // The link itself lives inside; its target is only text, never followed here.
    readLink: (path) =>
      settle(() => readlinkSync(posix.join(inside(posix.dirname(path)), posix.basename(path)))),
    run: (file) => Promise.reject(new CommandRefused(`no command runs under a sysroot (asked for ${file})`)),
  };
}
