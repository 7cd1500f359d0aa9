import { field, flag, text } from '../json-rows';
import type { LoginSession, SessionInfo } from './session';

/**
 * After the session name: the user (may be blank, may end in digits or hold spaces), the id, then a
 * state that never starts with a digit. A user like `t1_toby.beck5` therefore keeps its digits, and
 * the columns need not line up with the header (a CJK header is wider on screen than in characters).
 */
const SESSION_ROW = /^\s*(?:(.*?\S)\s+)?(\d+)\s+([^\s\d]\S*)/;

/** Listeners take session ids from 65536 up, whatever language names their `Listen` state (`侦听`). */
const FIRST_LISTENER_ID = 65536;

/**
 * `qwinsta`: fixed columns under a (localised) header. The session name and user may be blank;
 * `>` marks the session this runs in. Listener rows (`rdp-tcp … Listen`) are not sessions.
 */
export function parseQwinsta(output: string): LoginSession[] {
  const lines = output.split('\n').map((l) => l.replace(/\r$/, ''));
  const header = lines.findIndex((l) => /^\s*\S+\s+\S+\s+ID\s/i.test(l));
  if (header < 0) return [];
  const userColumn = /^\s*\S+\s+/.exec(lines[header] ?? '')?.[0].length ?? 19;
  const sessions: LoginSession[] = [];
  for (const line of lines.slice(header + 1)) {
    if (line.trim() === '') continue;
    const name = line.slice(1, userColumn).trim();
    const rest = SESSION_ROW.exec(line.slice(userColumn));
    if (!rest) continue;
    const [, user = '', id = '', state = ''] = rest;
    if (/^listen$/i.test(state) || Number(id) >= FIRST_LISTENER_ID || name === 'services') continue;
    sessions.push({
      id: name ? `${name} (${id})` : id,
      remote: /^(rdp-tcp#|ica-)/i.test(name),
      remoteHost: null,
      service: name.replace(/#\d+$/, '') || null,
      type: `${state}${line.startsWith('>') ? ', this session' : ''}`,
      user: user.trim() || null,
    });
  }
  return sessions;
}

/** SESSIONNAME, SM_REMOTESESSION (TerminalServerSession) and the session list from one PowerShell call. */
export function sessionFromWin32(value: unknown): SessionInfo {
  const row = { sessionName: field(value, 'SessionName'), qwinsta: field(value, 'Qwinsta') };
  const sessionName = text(row, 'sessionName');
  const remote = flag({ remote: field(value, 'RemoteSession') }, 'remote');
  return {
    env: sessionName ? { SESSIONNAME: sessionName } : {},
    loginSessions: parseQwinsta(text(row, 'qwinsta') ?? ''),
    flags:
      remote === null
        ? []
        : [{ name: 'SM_REMOTESESSION', on: remote, source: 'SystemInformation.TerminalServerSession' }],
  };
}
