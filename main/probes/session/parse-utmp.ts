import type { TerminalLogin } from './session';

/**
 * glibc's struct utmp on Linux (utmp(5)), the same on 32- and 64-bit x86 and arm: 384 bytes.
 * ut_type at 0, ut_pid at 4, ut_line[32] at 8, ut_user[32] at 44, ut_host[256] at 76.
 */
export const UTMP_RECORD_SIZE = 384;
const BOOT_TIME = 2;
const USER_PROCESS = 7;
const DEAD_PROCESS = 8;

interface UtmpRecord {
  type: number;
  pid: number;
  line: string;
  user: string;
  host: string;
}

function cString(bytes: Buffer, start: number, length: number): string {
  const field = bytes.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function records(bytes: Buffer): UtmpRecord[] {
  const rows: UtmpRecord[] = [];
  for (let at = 0; at + UTMP_RECORD_SIZE <= bytes.length; at += UTMP_RECORD_SIZE) {
    rows.push({
      type: bytes.readInt16LE(at),
      pid: bytes.readInt32LE(at + 4),
      line: cString(bytes, at + 8, 32),
      user: cString(bytes, at + 44, 32),
      host: cString(bytes, at + 76, 256),
    });
  }
  return rows;
}

const login = (source: TerminalLogin['source'], r: UtmpRecord): TerminalLogin => ({
  source,
  line: r.line,
  host: r.host,
  pid: r.pid,
  user: r.user,
});

/** /var/run/utmp: who is logged in now. Only logins that name a host are kept (local ones name none). */
export function parseUtmp(bytes: Buffer): TerminalLogin[] {
  return records(bytes)
    .filter((r) => r.type === USER_PROCESS && r.host !== '')
    .map((r) => login('utmp', r));
}

/**
 * /var/log/wtmp: every login and logout, oldest first. A login with a host and no later logout on
 * the same terminal and no boot since is still open as far as wtmp knows (the rule checks that its
 * process still runs).
 */
export function parseWtmp(bytes: Buffer): TerminalLogin[] {
  const open = new Map<string, UtmpRecord>();
  for (const r of records(bytes)) {
    if (r.type === USER_PROCESS) open.set(r.line, r);
    else if (r.type === DEAD_PROCESS) open.delete(r.line);
    // A boot ends every login before it, logged out or not.
    else if (r.type === BOOT_TIME) open.clear();
  }
  return [...open.values()].filter((r) => r.host !== '').map((r) => login('wtmp', r));
}
