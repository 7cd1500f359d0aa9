import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { connect } from 'node:net';
import { posix } from 'node:path';
import type { Platform } from '../contract/checks';
import { systemEnvironment, systemProgram } from './system-commands';

/**
 * The one door to the operating system. Probes read through it; with a sysroot every path is
 * read under that folder instead of `/`, and no command runs, so tests can plant a whole machine.
 */
export interface Host {
  readonly platform: Platform;
  /** The folder a fixture machine is read from (a Linux sysroot or a recorded machine); null when live. */
  readonly sysroot: string | null;
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Buffer>;
  list(path: string): Promise<string[]>;
  readLink(path: string): Promise<string>;
  /** Runs a program and returns its stdout; refused under a sysroot. */
  run(file: string, args: readonly string[], options?: RunOptions): Promise<string>;
  /** Connects to a TCP port of this machine and reads what it answers; refused under a sysroot. */
  dial(request: DialRequest): Promise<DialAnswer>;
}

export interface RunOptions {
  timeoutMs?: number;
  /**
   * The child gets the app's own environment instead of the one the app builds: only for a reader
   * whose question is that environment (`env`, to see what the hire's session handed the app).
   */
  inheritEnvironment?: boolean;
}

/** One bounded local connection: what to say first (if anything) and how long and how much to hear. */
export interface DialRequest {
  address: string;
  port: number;
  /** Sent as soon as the connection is up; null to only listen for a greeting. */
  say: Buffer | null;
  waitMs: number;
  maxBytes: number;
  /** Hangs up early once the answer so far tells enough. */
  enough?: (answer: Buffer) => boolean;
}

export interface DialAnswer {
  /** The connection was accepted. */
  connected: boolean;
  /** What the other end sent, at most `maxBytes`. */
  answer: Buffer;
  /** The other end closed the connection before we hung up. */
  closed: boolean;
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
    run: (file, args, { timeoutMs = 5_000, inheritEnvironment = false } = {}) =>
      new Promise((resolve, reject) => {
        const program = systemProgram(file, platform);
        execFile(
          program,
          [...args],
          {
            timeout: timeoutMs,
            maxBuffer: 32 * 1024 * 1024,
            windowsHide: true,
            encoding: 'utf8',
            env: inheritEnvironment ? process.env : systemEnvironment(platform),
          },
          (error, stdout) =>
            error ? reject(new Error(`${file} failed: ${error.message}`)) : resolve(stdout),
        );
      }),
    dial: dialTcp,
  };
}

/** A plain TCP connection that never outlives `waitMs` and never keeps more than `maxBytes`. */
function dialTcp(request: DialRequest): Promise<DialAnswer> {
  return new Promise((resolve) => {
    let connected = false;
    let closed = false;
    let answer = Buffer.alloc(0);
    const socket = connect({ host: request.address, port: request.port });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ connected, answer, closed });
    };
    const timer = setTimeout(finish, request.waitMs);
    socket.once('connect', () => {
      connected = true;
      if (request.say) socket.write(request.say);
    });
    socket.on('data', (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]).subarray(0, request.maxBytes);
      if (answer.length >= request.maxBytes || request.enough?.(answer)) finish();
    });
    // A reset after the connection was accepted is a hang-up too; before it, a refusal.
    const hangUp = () => {
      closed = connected;
      finish();
    };
    socket.once('end', hangUp);
    socket.once('error', hangUp);
  });
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
    dial: ({ port }) =>
      Promise.reject(new CommandRefused(`no connection is made under a sysroot (asked for port ${port})`)),
  };
}
