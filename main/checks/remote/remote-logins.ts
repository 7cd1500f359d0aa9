import type { EvidenceRow } from '../../contract/checks';
import type { ProcessInfo } from '../../probes/processes/process';
import type { SessionInfo, TerminalLogin } from '../../probes/session/session';
import type { SocketInfo } from '../../probes/sockets/socket';
import { ancestorsOf, processLabel, type ProcessTable } from './process-tree';
import { isLoopback, protocolLabel, remoteControlPorts } from './served-protocols';

/** A process a remote login hangs from, and how we know: every process below it is driven from afar. */
export interface RemoteLogin {
  pid: number;
  signal: 'connection' | 'utmp' | 'wtmp' | 'login session';
  /** What that process did, as a phrase after its name (`holds a connection from …`). */
  how: string;
}

/**
 * utmp hosts of logins at this machine itself: nothing (a console), an X display (`:0`, `:1.0`, as
 * terminal emulators record it through libutempter), a tmux pane (`tmux(1234).%0`). GNU screen
 * appends `:S.N` to the host of the login it was started from, so that host is judged instead.
 */
function isLocalHost(host: string): boolean {
  const origin = host.replace(/:S\.\d+$/, '');
  return /^(:\d+(\.\d+)?)?$/.test(origin) || /^tmux\(\d+\)\.%\d+$/.test(origin);
}

/**
 * Processes that hold an inbound connection to a remote-control port (the per-connection child of
 * sshd, dropbear, xrdp…, whatever it is called), or an inbound connection from another machine.
 * Root's processes hold theirs out of the hire's sight: then only the socket table shows them.
 */
function connectionHolders(sockets: readonly SocketInfo[]): RemoteLogin[] {
  const remotePorts = remoteControlPorts(sockets);
  const listening = new Set(sockets.filter((s) => s.state === 'listen').map((s) => s.localPort));
  return sockets
    .filter((s) => s.state === 'established' && s.pid !== null && listening.has(s.localPort))
    .filter((s) => remotePorts.has(s.localPort) || !isLoopback(s.remoteAddress))
    .map((s) => {
      const speaks = remotePorts.get(s.localPort)?.speaks;
      const protocol = speaks ? ` (${protocolLabel(speaks.protocol)})` : '';
      return {
        pid: s.pid ?? 0,
        signal: 'connection',
        how: `holds a connection from ${s.remoteAddress}:${s.remotePort} to port ${s.localPort}${protocol}`,
      };
    });
}

/**
 * utmp/wtmp logins from another host whose process still runs. /proc hiding other users'
 * processes (hidepid, no PID 1 in sight) leaves utmp's word standing; wtmp's never does.
 */
function loginRecords(logins: readonly TerminalLogin[], table: ProcessTable): RemoteLogin[] {
  const processesHidden = !table.has(1);
  const seen = new Set<string>();
  const records: RemoteLogin[] = [];
  for (const login of logins) {
    if (isLocalHost(login.host) || seen.has(`${login.line}|${login.pid}`)) continue;
    const alive = table.has(login.pid) || (login.source === 'utmp' && processesHidden);
    if (!alive) continue;
    seen.add(`${login.line}|${login.pid}`);
    records.push({
      pid: login.pid,
      signal: login.source,
      how: `logged ${login.user || 'someone'} in on ${login.line} from ${login.host} (${login.source})`,
    });
  }
  return records;
}

/** Every remote login visible on this machine, by the process it hangs from. */
export function remoteLogins(
  session: SessionInfo,
  sockets: readonly SocketInfo[],
  table: ProcessTable,
): Map<number, RemoteLogin> {
  const logins = new Map<number, RemoteLogin>();
  const add = (login: RemoteLogin) => {
    if (!logins.has(login.pid)) logins.set(login.pid, login);
  };
  connectionHolders(sockets).forEach(add);
  loginRecords(session.terminalLogins ?? [], table).forEach(add);
  for (const s of session.loginSessions.filter((s) => s.remote && s.leader !== undefined)) {
    add({
      pid: s.leader ?? 0,
      signal: 'login session',
      how: `leads logind session ${s.id} from ${s.remoteHost ?? 'another host'}`,
    });
  }
  return logins;
}

/** The remote login a process runs under: itself or its nearest parent that one hangs from. */
export function loginAbove(
  pid: number,
  table: ProcessTable,
  logins: ReadonlyMap<number, RemoteLogin>,
): { login: RemoteLogin; via: ProcessInfo | null } | null {
  for (const p of [table.get(pid) ?? null, ...ancestorsOf(pid, table)]) {
    const login = p ? logins.get(p.pid) : logins.get(pid);
    if (login) return { login, via: p };
  }
  return null;
}

/**
 * A terminal multiplexer attached from afar: our session's terminal (the parent of its session
 * leader, e.g. a tmux or screen server started at the desk) is the same executable as a process
 * that runs under a remote login (the `tmux attach` client typed over SSH).
 */
export function multiplexerAttach(
  selfPid: number,
  table: ProcessTable,
  logins: ReadonlyMap<number, RemoteLogin>,
): EvidenceRow | null {
  const leader = table.get(table.get(selfPid)?.sid ?? -1);
  const terminal = leader?.ppid ? table.get(leader.ppid) : undefined;
  if (!terminal?.path || terminal.pid === 1 || loginAbove(terminal.pid, table, logins)) return null;
  for (const client of table.values()) {
    if (client.pid === terminal.pid || client.path !== terminal.path) continue;
    // A daemon's own children share its executable: a client is never below the terminal itself.
    if (ancestorsOf(client.pid, table).some((p) => p.pid === terminal.pid)) continue;
    const above = loginAbove(client.pid, table, logins);
    if (!above) continue;
    const under = above.via ? processLabel(above.via) : `pid ${above.login.pid}`;
    return {
      signal: 'terminal multiplexer',
      name: processLabel(terminal),
      value: terminal.path,
      meaning: `this session's terminal is attached from a remote login: ${processLabel(client)} runs under ${under}, which ${above.login.how}`,
    };
  }
  return null;
}
