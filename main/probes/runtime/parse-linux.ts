import { baseName } from '../path-name';
import { expandLoaderTokens } from './loader-path';
import type { NodeFlag } from './runtime';

/** One /proc/PID/stat line, as proc(5) lays it out. */
export interface StatRow {
  pid: number;
  comm: string;
  ppid: number;
  /** The session id: the process that called setsid(2) and leads this process's session. */
  session: number;
  flags: number;
}

/** PF_KTHREAD in the flags field: set by the kernel only, so no user process can claim it. */
const PF_KTHREAD = 0x00200000;

/** `pid (comm) state ppid pgrp session tty tpgid flags …`; comm may hold spaces and parentheses. */
export function parseStat(raw: string): StatRow | null {
  const open = raw.indexOf('(');
  const close = raw.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const rest = raw.slice(close + 2).split(' ');
  const pid = Number(raw.slice(0, open).trim());
  const ppid = Number(rest[1]);
  const session = Number(rest[3]);
  const flags = Number(rest[6]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return null;
  return {
    pid,
    comm: raw.slice(open + 1, close),
    ppid,
    session: Number.isInteger(session) ? session : 0,
    flags: Number.isInteger(flags) ? flags : 0,
  };
}

export const isKernelThread = (row: StatRow): boolean => (row.flags & PF_KTHREAD) !== 0;

/** TracerPid of /proc/PID/status: the process tracing us with ptrace, 0 when none. */
export function parseTracerPid(status: string): number {
  return Number(/^TracerPid:\s*(\d+)/m.exec(status)?.[1] ?? 0);
}

/** user_namespaces(7): `inside outside count` per line; the initial namespace maps all 2^32 ids. */
export function parseUidMap(raw: string): string[] {
  return raw
    .split('\n')
    .map((line) => line.trim().split(/\s+/).join(' '))
    .filter((line) => line !== '');
}

/** ld.so(8): LD_PRELOAD entries are separated by spaces or colons. */
export function parseLdPreloadEnv(value: string): string[] {
  return value.split(/[:\s]+/).filter((entry) => entry !== '');
}

/** ld.so(8): /etc/ld.so.preload is whitespace-separated paths; `#` starts a comment. */
export function parseLdSoPreload(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.replace(/#.*/, '').split(/\s+/))
    .filter((entry) => entry !== '');
}

/** The shared-library files of /proc/PID/maps, each once, in mapping order. */
export function mappedLibraries(maps: string): string[] {
  const libraries = new Set<string>();
  for (const line of maps.split('\n')) {
    const path = /^\S+\s+\S+\s+\S+\s+\S+\s+\d+\s+(\/.*)$/.exec(line)?.[1]?.replace(/ \(deleted\)$/, '');
    if (path && /\.so(\.|$)/.test(baseName(path))) libraries.add(path);
  }
  return [...libraries];
}

/** The mapped file for a preload entry: the same path, or for a bare name the library of that name. */
export function mappedFor(entry: string, libraries: readonly string[]): string | null {
  if (entry.includes('/')) {
    const expanded = expandLoaderTokens(entry);
    return libraries.find((lib) => lib === expanded.replace(/\/+/g, '/')) ?? null;
  }
  return libraries.find((lib) => baseName(lib) === entry) ?? null;
}

const LOADS_CODE = /^(--require|-r|--import|--loader|--experimental-loader)$/;
const DEBUGGER = /^--inspect(-brk|-wait|-port|-publish-uid)?$/;

/** One option token: `--require=x` or `--require x`; returns the flag and whether it took the next token. */
function flagOf(
  token: string,
  next: string | undefined,
  source: NodeFlag['source'],
): [NodeFlag | null, number] {
  const eq = token.indexOf('=');
  const name = eq > 0 ? token.slice(0, eq) : token;
  if (LOADS_CODE.test(name)) {
    const target = eq > 0 ? token.slice(eq + 1) : (next ?? null);
    return [{ flag: name, source, target }, eq > 0 ? 0 : 1];
  }
  if (DEBUGGER.test(name)) return [{ flag: name, source, target: null }, 0];
  return [null, 0];
}

/**
 * Node's own options: those before the script on the command line (argv[0] is the program), and
 * every token of NODE_OPTIONS (which Node splits on spaces, honouring double quotes).
 */
export function nodeFlags(argv: readonly string[], nodeOptions: string | undefined): NodeFlag[] {
  const found: NodeFlag[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--' || !token.startsWith('-')) break;
    const [flag, consumed] = flagOf(token, argv[i + 1], 'cmdline');
    if (flag) found.push(flag);
    i += consumed;
  }
  const tokens = [...(nodeOptions ?? '').matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) =>
    m[0].replace(/"/g, ''),
  );
  for (let i = 0; i < tokens.length; i++) {
    const [flag, consumed] = flagOf(tokens[i] ?? '', tokens[i + 1], 'NODE_OPTIONS');
    if (flag) found.push(flag);
    i += consumed;
  }
  return found;
}

/** The hidepid= option of a proc mount's options, unless it hides nothing (0 / off). */
function hidepidOf(options: string): string | null {
  const value = /(?:^|,)hidepid=([^,\s]+)/.exec(options)?.[1] ?? null;
  return value === null || value === '0' || value === 'off' ? null : value;
}

/** proc(5) /proc/PID/mountinfo: `… mountpoint options [optional…] - fstype source superoptions`. */
export function procHidepidFromMountinfo(mountinfo: string): string | null {
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    const mountPoint = left?.split(' ')[4];
    const [fstype, , superOptions] = (right ?? '').split(' ');
    if (mountPoint === '/proc' && fstype === 'proc') return hidepidOf(superOptions ?? '');
  }
  return null;
}

/** proc(5) /proc/mounts: `source mountpoint fstype options dump pass`. */
export function procHidepidFromMounts(mounts: string): string | null {
  for (const line of mounts.split('\n')) {
    const [, mountPoint, fstype, options] = line.split(' ');
    if (mountPoint === '/proc' && fstype === 'proc') return hidepidOf(options ?? '');
  }
  return null;
}

/** Our parents, nearest first, up to PID 1 (or as far as /proc lets us see). */
export function ancestorsOf(selfPid: number, rows: ReadonlyMap<number, StatRow>): StatRow[] {
  const chain: StatRow[] = [];
  let pid = rows.get(selfPid)?.ppid ?? 0;
  // A pid seen twice would be a corrupt table: stop rather than loop.
  while (pid > 0 && !chain.some((row) => row.pid === pid)) {
    const row = rows.get(pid);
    if (!row) break;
    chain.push(row);
    pid = row.ppid;
  }
  return chain;
}

/** How the visible process table looks from here. */
export function processTable(
  selfPid: number,
  rows: ReadonlyMap<number, StatRow>,
): { visible: number; kernelThreads: boolean; onlyOwnTree: boolean } {
  const own = new Set([selfPid, ...ancestorsOf(selfPid, rows).map((row) => row.pid)]);
  const descendsFromSelf = (row: StatRow): boolean => {
    const seen = new Set<number>();
    for (let pid = row.ppid; pid > 0 && !seen.has(pid); pid = rows.get(pid)?.ppid ?? 0) {
      if (pid === selfPid) return true;
      seen.add(pid);
    }
    return false;
  };
  const all = [...rows.values()];
  return {
    visible: all.length,
    kernelThreads: all.some(isKernelThread),
    onlyOwnTree: all.every((row) => own.has(row.pid) || descendsFromSelf(row)),
  };
}
