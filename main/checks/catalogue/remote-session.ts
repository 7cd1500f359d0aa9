import type { EvidenceRow } from '../../contract/checks';
import type { ProcessInfo } from '../../probes/processes/process';
import type { SessionInfo } from '../../probes/session/session';
import type { SocketInfo } from '../../probes/sockets/socket';
import { defineCheck } from '../check';
import { processLabel, processTable } from '../remote/process-tree';
import { loginAbove, multiplexerAttach, remoteLogins } from '../remote/remote-logins';
import { protocolLabel, remoteControlPorts } from '../remote/served-protocols';

const REMOTE_ENV: Record<string, string> = {
  SSH_CONNECTION: 'an SSH session',
  SSH_CLIENT: 'an SSH session',
  SSH_TTY: 'an SSH session',
  XRDP_SESSION: 'an xrdp (RDP) session',
  CHROME_REMOTE_DESKTOP_SESSION: 'a Chrome Remote Desktop session',
  NX_TEMP: 'a NoMachine session',
  VNCDESKTOP: 'a VNC desktop',
  RFB_PORT: 'a VNC desktop',
};

/** Display servers by name; their arguments (the display number) are the only ones a report keeps. */
export const X_SERVER_NAME = /^(X|Xorg|Xvnc|Xtigervnc|Xtightvnc|Xvfb|Xwayland|Xephyr)$/;

/** The X server behind DISPLAY=:N, told by its command line (`Xvnc :1 …`). */
function xServerFor(display: string | undefined, processes: readonly ProcessInfo[]): ProcessInfo | null {
  const number = /^:(\d+)/.exec(display ?? '')?.[1];
  if (number === undefined) return null;
  return (
    processes.find((p) => X_SERVER_NAME.test(p.name) && p.cmdline.split(' ').includes(`:${number}`)) ?? null
  );
}

function envEvidence(session: SessionInfo): EvidenceRow[] {
  const rows: EvidenceRow[] = Object.entries(session.env)
    .filter(([key]) => key in REMOTE_ENV)
    .map(([key, value]) => ({ signal: 'environment', name: key, value, meaning: REMOTE_ENV[key] ?? '' }));
  const sessionName = session.env.SESSIONNAME;
  if (sessionName && /^RDP-/i.test(sessionName)) {
    rows.push({
      signal: 'environment',
      name: 'SESSIONNAME',
      value: sessionName,
      meaning: 'a Remote Desktop session',
    });
  }
  const display = session.env.DISPLAY;
  if (display && /^[^:]+:\d/.test(display) && !display.startsWith('unix:')) {
    rows.push({
      signal: 'environment',
      name: 'DISPLAY',
      value: display,
      meaning: 'X forwarded from another host',
    });
  }
  return rows;
}

/**
 * Someone connected to a port that speaks a remote-control protocol, whatever serves it: the
 * socket table shows every user's connections, so this holds even when root's daemon is hidden.
 * Readers that cannot tell protocols (observations from before) fall back to sshd by name.
 */
function inboundConnections(sockets: readonly SocketInfo[]): EvidenceRow[] {
  const told = remoteControlPorts(sockets);
  const byName = new Set(
    sockets
      .filter((s) => s.state === 'listen' && s.speaks === undefined && s.process === 'sshd')
      .map((s) => s.localPort),
  );
  return sockets
    .filter((s) => s.state === 'established' && (told.has(s.localPort) || byName.has(s.localPort)))
    .map((s) => {
      const speaks = told.get(s.localPort)?.speaks;
      const label = speaks ? protocolLabel(speaks.protocol) : 'SSH';
      return {
        signal: 'connection',
        name: `${label} :${s.localPort}`,
        value: `${s.remoteAddress}:${s.remotePort}`,
        meaning: `someone is connected over ${label}`,
        ...(speaks?.banner ? { speaks: speaks.banner } : {}),
        ...(s.pid !== null ? { pid: s.pid, process: s.process } : {}),
      };
    });
}

/**
 * What the process tree and the login records show: this session running under a remote login
 * (its own parents, whatever they are called), a login record naming another host, and our
 * terminal multiplexer attached from a remote login.
 */
function structureEvidence(
  session: SessionInfo,
  processes: readonly ProcessInfo[],
  sockets: readonly SocketInfo[],
): EvidenceRow[] {
  const table = processTable(processes);
  const logins = remoteLogins(session, sockets, table);
  const rows: EvidenceRow[] = [];
  const self = session.selfPid;
  const ours = self === undefined ? null : loginAbove(self, table, logins);
  if (ours) {
    const holder = ours.via ? processLabel(ours.via) : `pid ${ours.login.pid}`;
    rows.push({
      signal: 'process ancestry',
      name: holder,
      value: ours.via?.path ?? null,
      meaning: `this session runs under a remote login: ${holder} ${ours.login.how}`,
    });
  }
  for (const login of logins.values()) {
    if (login.signal !== 'utmp' && login.signal !== 'wtmp') continue;
    if (ours?.login === login) continue;
    rows.push({
      signal: 'login record',
      name: login.signal,
      value: login.pid,
      meaning: `a remote login: pid ${login.pid} ${login.how}`,
    });
  }
  const attached = self === undefined || ours ? null : multiplexerAttach(self, table, logins);
  if (attached) rows.push(attached);
  return rows;
}

export const remoteSessionCheck = defineCheck({
  id: 'remote.session',
  title: 'Desktop session',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['session', 'processes', 'sockets'],
  severity: 'critical',
  rationale:
    'An app started inside SSH, RDP, xrdp, a VNC desktop or Chrome Remote Desktop is being driven from elsewhere, ' +
    'whatever tools are installed. The session manager, utmp, the environment, the X server, the process tree ' +
    '(a parent holding an inbound connection, whatever it is called) and connections to ports that speak a ' +
    'remote-control protocol all tell.',
  remediation:
    'Run HireProof at the laptop itself, signed in at its own screen, not through a remote session.',
  rule({ session, processes, sockets }) {
    const rows = envEvidence(session);
    for (const login of session.loginSessions.filter((s) => s.remote)) {
      rows.push({
        signal: 'login session',
        name: login.id,
        value: login.remoteHost,
        meaning: `remote ${login.service ?? ''} login${login.user ? ` by ${login.user}` : ''}`.replace(
          '  ',
          ' ',
        ),
      });
    }
    for (const flag of session.flags.filter((f) => f.on)) {
      rows.push({ signal: 'system setting', name: flag.name, value: true, meaning: flag.source });
    }
    rows.push(...inboundConnections(sockets), ...structureEvidence(session, processes, sockets));
    const xServer = xServerFor(session.env.DISPLAY, processes);
    let warn = false;
    if (xServer && /^(Xvnc|Xtigervnc|Xtightvnc)$/.test(xServer.name)) {
      rows.push({
        signal: 'X server',
        name: xServer.name,
        value: xServer.cmdline,
        meaning: 'the desktop is a VNC server',
      });
    } else if (xServer && /xrdp/.test(xServer.cmdline)) {
      rows.push({
        signal: 'X server',
        name: xServer.name,
        value: xServer.cmdline,
        meaning: "the desktop is xrdp's X server",
      });
    } else if (xServer && xServer.name === 'Xvfb') {
      warn = rows.length === 0;
      rows.push({
        signal: 'X server',
        name: xServer.name,
        value: xServer.cmdline,
        meaning: 'a virtual framebuffer: nothing is shown on a local screen',
      });
    }
    if (rows.length === 0) {
      return {
        status: 'pass',
        summary: 'This is a local session.',
        evidence: xServer ? [{ signal: 'X server', name: xServer.name, value: xServer.cmdline }] : [],
      };
    }
    if (warn) {
      return {
        status: 'warn',
        summary: 'The desktop is a virtual framebuffer (Xvfb), not a local screen.',
        evidence: rows,
      };
    }
    const meanings = [...new Set(rows.map((r) => String(r.meaning)))].join('; ');
    return { status: 'fail', summary: `Running in a remote session: ${meanings}.`, evidence: rows };
  },
});
