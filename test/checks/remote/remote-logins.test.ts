import { describe, expect, it } from 'vitest';
import { processTable } from '../../../main/checks/remote/process-tree';
import { loginAbove, multiplexerAttach, remoteLogins } from '../../../main/checks/remote/remote-logins';
import type { ProcessInfo } from '../../../main/probes/processes/process';
import type { SessionInfo, TerminalLogin } from '../../../main/probes/session/session';
import type { SocketInfo } from '../../../main/probes/sockets/socket';

const proc = (
  pid: number,
  ppid: number,
  name: string,
  path: string | null,
  sid = pid,
  uid = 1000,
): ProcessInfo => ({
  pid,
  ppid,
  sid,
  uid,
  name,
  path,
  cmdline: '',
});
const ssh = { protocol: 'ssh' as const, banner: 'SSH-2.0-OpenSSH_9.2p1', asked: 'nothing' as const };
const sock = (
  port: number,
  state: SocketInfo['state'],
  pid: number | null,
  remote = '0.0.0.0',
): SocketInfo => ({
  protocol: 'tcp',
  localAddress: '0.0.0.0',
  localPort: port,
  remoteAddress: remote,
  remotePort: state === 'listen' ? 0 : 50022,
  state,
  pid,
  process: pid === null ? null : 'x',
  ...(state === 'listen' ? { speaks: ssh } : {}),
});
const session = (terminalLogins: TerminalLogin[] = []): SessionInfo => ({
  env: {},
  loginSessions: [],
  flags: [],
  terminalLogins,
});

// A desk: systemd, the hire's tmux server; under it a shell running HireProof (pid 4242).
const desk = [
  proc(1, 0, 'systemd', '/usr/lib/systemd/systemd', 1, 0),
  proc(2000, 1, 'tmux: server', '/usr/bin/tmux'),
  proc(2001, 2000, 'bash', '/usr/bin/bash', 2001),
  proc(4242, 2001, 'hireproof', '/opt/HireProof/hireproof', 2001),
];

describe('remote logins by structure', () => {
  it('finds the process holding an inbound SSH connection, whatever it is called, and what runs under it', () => {
    const processes = [
      ...desk,
      proc(3000, 1, 'backupd', '/home/hire/.cache/backupd', 3000),
      proc(3001, 3000, 'backupd', '/home/hire/.cache/backupd', 3001),
      proc(3002, 3001, 'sh', '/usr/bin/dash', 3002),
    ];
    const sockets = [sock(2200, 'listen', 3000), sock(2200, 'established', 3001, '127.0.0.1')];
    const table = processTable(processes);
    const logins = remoteLogins(session(), sockets, table);
    expect([...logins.keys()]).toEqual([3001]);
    expect(logins.get(3001)?.how).toBe('holds a connection from 127.0.0.1:50022 to port 2200 (SSH)');
    expect(loginAbove(3002, table, logins)?.via?.pid).toBe(3001);
    expect(loginAbove(4242, table, logins)).toBeNull();
  });

  it('counts an inbound connection from another machine on any port, not a local one on a plain port', () => {
    const web = { protocol: 'http' as const, banner: 'HTTP/1.1 200 OK', asked: 'http' as const };
    const sockets = [
      { ...sock(8888, 'listen', 500), speaks: web },
      sock(8888, 'established', 501, '198.51.100.4'),
      sock(8888, 'established', 502, '127.0.0.1'),
    ];
    const logins = remoteLogins(session(), sockets, processTable(desk));
    expect([...logins.keys()]).toEqual([501]);
  });

  it('takes utmp logins from another host while their process runs, never a display, tmux pane or screen started at the desk', () => {
    const processes = [...desk, proc(5000, 1, 'sshd', null, 5000, 0)];
    const login = (host: string, pid = 5000, source: TerminalLogin['source'] = 'utmp'): TerminalLogin => ({
      source,
      line: 'pts/1',
      host,
      pid,
      user: 'hire',
    });
    const records = [
      login('203.0.113.9'),
      login(':0'),
      login('tmux(2000).%0'),
      login(':S.0'),
      login('198.51.100.7', 6000, 'wtmp'),
    ];
    const logins = remoteLogins(session(records), [], processTable(processes));
    expect([...logins.values()].map((l) => l.how)).toEqual([
      'logged hire in on pts/1 from 203.0.113.9 (utmp)',
    ]);
    // screen keeps the host of the login it was started from.
    const fromAfar = remoteLogins(session([login('203.0.113.9:S.0')]), [], processTable(processes));
    expect(fromAfar.size).toBe(1);
  });

  it("takes logind's leader of a remote session", () => {
    const withLogind: SessionInfo = {
      ...session(),
      loginSessions: [
        {
          id: '4',
          remote: true,
          remoteHost: '203.0.113.9',
          service: 'sshd',
          type: 'tty',
          user: 'hire',
          leader: 5000,
        },
        {
          id: '2',
          remote: false,
          remoteHost: null,
          service: 'gdm-password',
          type: 'wayland',
          user: 'hire',
          leader: 1650,
        },
      ],
    };
    const logins = remoteLogins(withLogind, [], processTable(desk));
    expect([...logins.values()]).toEqual([
      { pid: 5000, signal: 'login session', how: 'leads logind session 4 from 203.0.113.9' },
    ]);
  });

  it('trusts utmp when /proc hides other users (no PID 1 in sight), but not wtmp', () => {
    const hidden = desk.filter((p) => p.pid !== 1);
    const records: TerminalLogin[] = [
      { source: 'utmp', line: 'pts/1', host: '203.0.113.9', pid: 5000, user: 'hire' },
      { source: 'wtmp', line: 'pts/2', host: '203.0.113.9', pid: 5001, user: 'hire' },
    ];
    expect([...remoteLogins(session(records), [], processTable(hidden)).keys()]).toEqual([5000]);
  });

  it('sees our tmux server attached from a remote login through a client of the same executable', () => {
    const processes = [
      ...desk,
      proc(5000, 1, 'sshd', null, 5000, 0),
      proc(5001, 5000, 'bash', '/usr/bin/bash', 5001),
      proc(5002, 5001, 'tmux: client', '/usr/bin/tmux', 5001),
    ];
    const records: TerminalLogin[] = [
      { source: 'utmp', line: 'pts/1', host: '203.0.113.9', pid: 5000, user: 'hire' },
    ];
    const table = processTable(processes);
    const row = multiplexerAttach(4242, table, remoteLogins(session(records), [], table));
    expect(row).toEqual({
      signal: 'terminal multiplexer',
      name: 'tmux: server (pid 2000)',
      value: '/usr/bin/tmux',
      meaning:
        "this session's terminal is attached from a remote login: tmux: client (pid 5002) runs under sshd (pid 5000), which logged hire in on pts/1 from 203.0.113.9 (utmp)",
    });
    // Detached, or attached at the desk: nothing.
    const atDesk = [...desk, proc(2100, 2001, 'tmux: client', '/usr/bin/tmux', 2001)];
    expect(multiplexerAttach(4242, processTable(atDesk), new Map())).toBeNull();
  });
});
