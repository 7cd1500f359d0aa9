import type { Host } from '../host';
import { parseEnviron, parseLogindSession, sessionEnv } from './parse-linux';
import { parseUtmp, parseWtmp, UTMP_RECORD_SIZE } from './parse-utmp';
import type { LoginSession, SessionInfo } from './session';

/** How much of wtmp is read: its newest records (about 2,700 logins and logouts). */
const WTMP_TAIL_BYTES = UTMP_RECORD_SIZE * 2_730;

/** The newest whole records of a login record file; an unreadable or missing file has none. */
async function tail(host: Host, path: string, bytes: number): Promise<Buffer> {
  const all = await host.readBytes(path).catch(() => Buffer.alloc(0));
  const whole = all.length - (all.length % UTMP_RECORD_SIZE);
  return all.subarray(Math.max(0, whole - bytes), whole);
}

/**
 * Our own environment and pid, systemd-logind's record of every login session (REMOTE=1 for sshd,
 * xrdp…) and the utmp/wtmp login records (world-readable: sshd, dropbear, login write them).
 */
export async function readLinuxSession(host: Host): Promise<SessionInfo> {
  const environ = await host.readText('/proc/self/environ').catch(() => '');
  const selfPid = Number(await host.readLink('/proc/self').catch(() => ''));
  const ids = await host.list('/run/systemd/sessions').catch(() => []);
  const sessions = await Promise.all(
    ids
      .filter((id) => !id.includes('.'))
      .map(async (id) =>
        parseLogindSession(id, await host.readText(`/run/systemd/sessions/${id}`).catch(() => '')),
      ),
  );
  const utmp = parseUtmp(await tail(host, '/var/run/utmp', Number.MAX_SAFE_INTEGER));
  const wtmp = parseWtmp(await tail(host, '/var/log/wtmp', WTMP_TAIL_BYTES));
  return {
    env: sessionEnv(parseEnviron(environ)),
    loginSessions: sessions.filter((s): s is LoginSession => s !== null),
    flags: [],
    terminalLogins: [...utmp, ...wtmp].slice(0, 500),
    ...(Number.isInteger(selfPid) && selfPid > 0 ? { selfPid } : {}),
  };
}
