import type { Host } from '../host';
import { parseEnviron, parseLogindSession, sessionEnv } from './parse-linux';
import type { LoginSession, SessionInfo } from './session';

/** Our own environment and systemd-logind's record of every login session (REMOTE=1 for sshd, xrdp…). */
export async function readLinuxSession(host: Host): Promise<SessionInfo> {
  const environ = await host.readText('/proc/self/environ').catch(() => '');
  const ids = await host.list('/run/systemd/sessions').catch(() => []);
  const sessions = await Promise.all(
    ids
      .filter((id) => !id.includes('.'))
      .map(async (id) =>
        parseLogindSession(id, await host.readText(`/run/systemd/sessions/${id}`).catch(() => '')),
      ),
  );
  return {
    env: sessionEnv(parseEnviron(environ)),
    loginSessions: sessions.filter((s): s is LoginSession => s !== null),
    flags: [],
  };
}
