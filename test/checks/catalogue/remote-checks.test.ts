import { describe, expect, it } from 'vitest';
import { remotePortsCheck } from '../../../main/checks/catalogue/remote-ports';
import { remoteSessionCheck } from '../../../main/checks/catalogue/remote-session';
import { remoteToolsCheck } from '../../../main/checks/catalogue/remote-tools';
import { defaultPolicy, Policy } from '../../../main/contract/policy';
import type { Greeting } from '../../../main/probes/sockets/greeting';
import type { SocketInfo } from '../../../main/probes/sockets/socket';
import { facts } from '../../support/facts';

const context = { policy: defaultPolicy, platform: 'linux' as const };
const socket = (
  port: number,
  state: SocketInfo['state'],
  process: string | null,
  remote = '0.0.0.0',
): SocketInfo => ({
  protocol: 'tcp',
  localAddress: '0.0.0.0',
  localPort: port,
  remoteAddress: remote,
  remotePort: state === 'listen' ? 0 : 50123,
  state,
  pid: process ? 4242 : null,
  process,
});

describe('remote.tools', () => {
  it('fails on a running tool and names it in the fix', () => {
    const out = remoteToolsCheck.rule(
      facts({
        processes: [{ pid: 7, name: 'anydesk', path: '/usr/bin/anydesk', cmdline: 'anydesk --service' }],
      }),
      context,
    );
    expect(out.status).toBe('fail');
    expect(out.remediation).toBe('Quit AnyDesk (and stop its service), then press Re-check.');
    expect(out.evidence).toEqual([
      { tool: 'AnyDesk', state: 'running', pid: 7, process: 'anydesk', path: '/usr/bin/anydesk' },
    ]);
  });

  it('warns on an enabled service that is not running, ignores a disabled one', () => {
    const enabled = remoteToolsCheck.rule(
      facts({ services: [{ name: 'xrdp.service', state: 'enabled', path: null }] }),
      context,
    );
    expect(enabled.status).toBe('warn');
    const disabled = remoteToolsCheck.rule(
      facts({ services: [{ name: 'xrdp.service', state: 'disabled', path: null }] }),
      context,
    );
    expect(disabled.status).toBe('pass');
  });

  it('fails on a service the service manager says is running, even with no process matched by name', () => {
    // A Windows server's inventory (test/fixtures/recorded/win32/inventory-qemu-server-anydesk-teamviewer).
    const out = remoteToolsCheck.rule(
      facts({
        services: [
          {
            name: 'AnyDesk',
            state: 'running',
            path: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --service',
          },
        ],
      }),
      { ...context, platform: 'win32' },
    );
    expect(out.status).toBe('fail');
    expect(out.summary).toBe('Remote-control software is running: AnyDesk.');
  });

  it('lets an IT-approved tool pass, and still reports it', () => {
    const policy = Policy.parse({ allowTools: ['meshcentral'] });
    const out = remoteToolsCheck.rule(
      facts({
        processes: [
          { pid: 9, name: 'meshagent', path: '/usr/local/mesh_services/meshagent/meshagent', cmdline: '' },
        ],
      }),
      { ...context, policy },
    );
    expect(out.status).toBe('pass');
    expect(out.evidence).toEqual([expect.objectContaining({ tool: 'MeshCentral', allowedByPolicy: true })]);
  });
});

describe('remote.ports', () => {
  it('catches a renamed VNC server by its port, naming the process', () => {
    const out = remotePortsCheck.rule(facts({ sockets: [socket(5901, 'listen', 'notes-sync')] }), context);
    expect(out.status).toBe('fail');
    expect(out.summary).toContain('5901 (notes-sync)');
  });

  it('reports who is connected to a remote-control port', () => {
    const out = remotePortsCheck.rule(
      facts({
        sockets: [socket(3389, 'listen', 'xrdp'), socket(3389, 'established', 'xrdp', '198.51.100.7')],
      }),
      context,
    );
    expect(out.status).toBe('fail');
    expect(out.evidence.map((e) => e.state)).toEqual(['listening', 'connected from 198.51.100.7:50123']);
  });

  it('passes ordinary listeners and outbound connections to remote ports', () => {
    const out = remotePortsCheck.rule(
      facts({
        sockets: [socket(8080, 'listen', 'node'), socket(5900, 'established', 'vncviewer', '203.0.113.5')],
      }),
      context,
    );
    expect(out.status).toBe('pass');
  });
});

describe('remote.session', () => {
  it('fails inside SSH, naming the client', () => {
    const out = remoteSessionCheck.rule(
      facts({
        session: { env: { SSH_CONNECTION: '203.0.113.9 50022 192.0.2.4 22' }, loginSessions: [], flags: [] },
      }),
      context,
    );
    expect(out.status).toBe('fail');
    expect(out.summary).toContain('an SSH session');
  });

  it('fails when logind records a remote login', () => {
    const out = remoteSessionCheck.rule(
      facts({
        session: {
          env: {},
          loginSessions: [
            { id: '4', remote: true, remoteHost: '203.0.113.9', service: 'sshd', type: 'tty', user: 'ana' },
          ],
          flags: [],
        },
      }),
      context,
    );
    expect(out.status).toBe('fail');
    expect(out.evidence[0]).toMatchObject({ signal: 'login session', value: '203.0.113.9' });
  });

  it('fails when the desktop is an Xvnc server and warns on a bare Xvfb', () => {
    const onDisplay = (name: string) =>
      remoteSessionCheck.rule(
        facts({
          session: { env: { DISPLAY: ':1' }, loginSessions: [], flags: [] },
          processes: [
            { pid: 3, name, path: `/usr/bin/${name}`, cmdline: `/usr/bin/${name} :1 -geometry 1920x1080` },
          ],
        }),
        context,
      ).status;
    expect(onDisplay('Xtigervnc')).toBe('fail');
    expect(onDisplay('Xtightvnc')).toBe('fail');
    expect(onDisplay('Xvfb')).toBe('warn');
    expect(onDisplay('Xorg')).toBe('pass');
  });

  it('fails on an RDP session name and on a forwarded X display', () => {
    const withEnv = (env: Record<string, string>) =>
      remoteSessionCheck.rule(facts({ session: { env, loginSessions: [], flags: [] } }), context).status;
    expect(withEnv({ SESSIONNAME: 'RDP-Tcp#0' })).toBe('fail');
    expect(withEnv({ SESSIONNAME: 'Console' })).toBe('pass');
    expect(withEnv({ DISPLAY: 'localhost:10.0' })).toBe('fail');
    expect(withEnv({ DISPLAY: ':0' })).toBe('pass');
  });

  it('fails while someone is connected to sshd', () => {
    const out = remoteSessionCheck.rule(
      facts({ sockets: [socket(22, 'listen', 'sshd'), socket(22, 'established', 'sshd', '203.0.113.9')] }),
      context,
    );
    expect(out.status).toBe('fail');
  });
});

const greeting = (protocol: Greeting['protocol'], banner: string | null = null): Greeting => ({
  protocol,
  banner,
  asked: 'nothing',
});
const served = (port: number, speaks: Greeting, owner: Partial<SocketInfo> = {}): SocketInfo => ({
  ...socket(port, 'listen', 'server'),
  uid: 1000,
  speaks,
  ...owner,
});
const packagedSshd: Partial<SocketInfo> = {
  process: 'sshd',
  path: '/usr/sbin/sshd',
  uid: 0,
  provenance: { manager: 'dpkg', package: 'openssh-server', verified: true },
};

describe('remote.ports by protocol', () => {
  it('fails whatever serves VNC, RDP, xpra or a web VNC client, on any port, naming the protocol and owner', () => {
    const out = remotePortsCheck.rule(
      facts({
        sockets: [
          served(5983, greeting('rfb', 'RFB 003.008'), { process: 'Xtigervnc' }),
          served(8443, greeting('rdp', 'X.224 Connection Confirm, TLS'), { process: 'freerdp-shadow-' }),
          served(14500, greeting('xpra'), { process: 'xpra' }),
          served(6080, greeting('web-vnc', 'WebSocket relay to RFB 003.008'), { process: 'websockify' }),
        ],
      }),
      context,
    );
    expect(out.status).toBe('fail');
    expect(out.summary).toBe(
      'A remote-control server is running: VNC (RFB) on 5983 (Xtigervnc); RDP on 8443 (freerdp-shadow-); ' +
        'xpra on 14500 (xpra); a web VNC client on 6080 (websockify).',
    );
    expect(out.evidence[0]).toMatchObject({
      port: 5983,
      speaks: 'VNC (RFB)',
      banner: 'RFB 003.008',
      uid: 1000,
    });
  });

  it("lets the system's packaged SSH server listen, and one it cannot see; fails any other SSH server", () => {
    const ssh = greeting('ssh', 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10');
    const status = (owner: Partial<SocketInfo>) =>
      remotePortsCheck.rule(facts({ sockets: [served(22, ssh, owner)] }), context).status;
    expect(status(packagedSshd)).toBe('pass');
    // Root's daemon as seen by the hire: no owner, uid 0 from the socket table.
    expect(status({ pid: null, process: null, uid: 0 })).toBe('pass');
    // The same binary run by an ordinary user, a copy under another name, a changed file.
    expect(status({ ...packagedSshd, uid: 1000 })).toBe('fail');
    expect(
      status({
        ...packagedSshd,
        path: '/home/hire/.cache/syncd',
        provenance: { manager: 'dpkg', package: null, verified: false },
      }),
    ).toBe('fail');
    expect(
      status({
        ...packagedSshd,
        provenance: { manager: 'dpkg', package: 'openssh-server', verified: false },
      }),
    ).toBe('fail');
  });

  it('reports a connection to a remote-control port as in use; an SSH login through the system server is left to remote.session', () => {
    const vnc = remotePortsCheck.rule(
      facts({
        sockets: [
          served(5983, greeting('rfb')),
          { ...socket(5983, 'established', 'Xtigervnc', '203.0.113.9'), uid: 1000 },
        ],
      }),
      context,
    );
    expect(vnc.summary).toContain('VNC (RFB) on 5983 (Xtigervnc) in use');
    const ssh = remotePortsCheck.rule(
      facts({
        sockets: [
          served(22, greeting('ssh'), packagedSshd),
          socket(22, 'established', 'sshd', '203.0.113.9'),
        ],
      }),
      context,
    );
    expect(ssh.status).toBe('pass');
  });

  it('trusts the port list only where the answer could not tell the protocol', () => {
    const on5900 = (speaks: Greeting) =>
      remotePortsCheck.rule(facts({ sockets: [served(5900, speaks, { process: 'node' })] }), context).status;
    expect(on5900(greeting('http', 'HTTP/1.1 200 OK'))).toBe('pass');
    expect(on5900(greeting('silent'))).toBe('fail');
    expect(on5900(greeting('unprobed', 'a fixture machine'))).toBe('fail');
  });

  it('lets an IT-approved tool serve only as the file its package installed', () => {
    const policy = Policy.parse({ allowTools: ['x11vnc'] });
    const owner = { process: 'x11vnc', path: '/usr/bin/x11vnc' };
    const status = (verified: boolean) =>
      remotePortsCheck.rule(
        facts({
          sockets: [
            served(5900, greeting('rfb'), {
              ...owner,
              provenance: { manager: 'dpkg', package: 'x11vnc', verified },
            }),
          ],
        }),
        { ...context, policy },
      ).status;
    expect(status(true)).toBe('pass');
    expect(status(false)).toBe('fail');
  });

  it('fails a process that serves a VNC server library without a listening port (reverse connection)', () => {
    const out = remotePortsCheck.rule(
      facts({
        processes: [
          {
            pid: 3100,
            name: 'notes-sync',
            path: '/home/hire/.cache/notes-sync',
            cmdline: '',
            uid: 1000,
            libraries: ['libvncserver', 'libXtst (XTEST)', 'libXdamage (XDamage)'],
            network: { tcpListening: false, tcpConnected: true, unixListening: false },
          },
        ],
      }),
      context,
    );
    expect(out.status).toBe('fail');
    expect(out.summary).toContain('remote-desktop server notes-sync (pid 3100)');
  });
});

describe('remote.session by structure', () => {
  it('fails while someone is connected to a port that speaks SSH, whatever serves it', () => {
    const out = remoteSessionCheck.rule(
      facts({
        sockets: [
          served(2200, greeting('ssh', 'SSH-2.0-dropbear_2022.83'), { pid: null, process: null }),
          { ...socket(2200, 'established', null, '203.0.113.9'), uid: 1000 },
        ],
      }),
      context,
    );
    expect(out.status).toBe('fail');
    expect(out.evidence).toEqual([
      {
        signal: 'connection',
        name: 'SSH :2200',
        value: '203.0.113.9:50123',
        meaning: 'someone is connected over SSH',
        speaks: 'SSH-2.0-dropbear_2022.83',
      },
    ]);
  });

  it('fails a session started under a renamed daemon that holds the inbound connection', () => {
    const p = (pid: number, ppid: number, name: string, path: string) => ({
      pid,
      ppid,
      sid: pid,
      uid: 1000,
      name,
      path,
      cmdline: '',
    });
    const out = remoteSessionCheck.rule(
      facts({
        session: { env: {}, loginSessions: [], flags: [], selfPid: 4242 },
        processes: [
          p(1, 0, 'systemd', '/usr/lib/systemd/systemd'),
          p(3000, 1, 'backupd', '/home/hire/.cache/backupd'),
          p(3001, 3000, 'backupd', '/home/hire/.cache/backupd'),
          p(4242, 3001, 'node', '/usr/bin/node'),
        ],
        sockets: [
          served(2200, greeting('ssh'), { pid: 3000, process: 'backupd' }),
          { ...socket(2200, 'established', 'backupd', '127.0.0.1'), pid: 3001 },
        ],
      }),
      context,
    );
    expect(out.evidence).toContainEqual({
      signal: 'process ancestry',
      name: 'backupd (pid 3001)',
      value: '/home/hire/.cache/backupd',
      meaning:
        'this session runs under a remote login: backupd (pid 3001) holds a connection from 127.0.0.1:50123 to port 2200 (SSH)',
    });
  });
});
