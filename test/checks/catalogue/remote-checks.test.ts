import { describe, expect, it } from 'vitest';
import { remotePortsCheck } from '../../../main/checks/catalogue/remote-ports';
import { remoteSessionCheck } from '../../../main/checks/catalogue/remote-session';
import { remoteToolsCheck } from '../../../main/checks/catalogue/remote-tools';
import { defaultPolicy, Policy } from '../../../main/contract/policy';
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
