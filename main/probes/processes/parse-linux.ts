import type { ProcessInfo } from './process';

export function parseCmdline(raw: string): string[] {
  return raw.split('\0').filter((arg, i, all) => arg !== '' || i < all.length - 1);
}

/** The kernel appends " (deleted)" to the exe link of a binary removed after it started. */
export function processFromProc(pid: number, comm: string, argv: string[], exe: string | null): ProcessInfo {
  const argv0 = argv[0] ?? '';
  const path = exe ? exe.replace(/ \(deleted\)$/, '') : argv0.startsWith('/') ? argv0 : null;
  return { pid, name: comm.trim(), path, cmdline: argv.join(' ') };
}

/** proc(5) status `Uid:` line: real, effective, saved, filesystem; the real uid is who runs it. */
export function parseStatusUid(status: string): number | null {
  const uid = /^Uid:\s*(\d+)/m.exec(status)?.[1];
  return uid === undefined ? null : Number(uid);
}
