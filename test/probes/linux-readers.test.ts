import { describe, expect, it } from 'vitest';
import { sysrootHost, SysrootEscape } from '../../main/probes/host';
import { readLinuxProcesses } from '../../main/probes/processes/linux';
import { readLinuxServices } from '../../main/probes/services/linux';
import { readLinuxSession } from '../../main/probes/session/linux';
import { parseLogindSession } from '../../main/probes/session/parse-linux';
import { readLinuxSockets } from '../../main/probes/sockets/linux';
import { SysrootBuilder, tcpRow } from '../support/sysroot';

async function machine() {
  const b = await SysrootBuilder.create();
  await b.process(1, { comm: 'systemd', argv: ['/sbin/init', 'splash'], exe: '/usr/lib/systemd/systemd' });
  await b.process(812, {
    comm: 'sshd',
    argv: ['sshd: /usr/sbin/sshd -D'],
    exe: '/usr/sbin/sshd',
    sockets: [7001],
  });
  await b.process(2001, {
    comm: 'bash',
    argv: ['-bash'],
    exe: '/usr/bin/bash',
    environ: { SSH_CONNECTION: '203.0.113.9 50022 192.0.2.4 22', HOME: '/home/ana', SECRET_TOKEN: 'x' },
  });
  await b.process(2400, {
    comm: 'notes-sync',
    argv: ['/tmp/notes-sync', '-rfbport', '5900'],
    exe: '/tmp/notes-sync (deleted)',
    sockets: [7002, 7003],
  });
  await b.link('proc/self', '2001');
  await b.tcp([
    tcpRow('00000000:0016', '00000000:0000', '0A', 7001),
    tcpRow('00000000:170C', '00000000:0000', '0A', 7002),
    tcpRow('0400A8C0:170C', '097100CB:C350', '01', 7003),
    tcpRow('0400A8C0:D000', '5070CBCB:01BB', '01', 7004),
  ]);
  await b.file(
    'run/systemd/sessions/3',
    'UID=1000\nUSER=ana\nACTIVE=1\nREMOTE=1\nREMOTE_HOST=203.0.113.9\nSERVICE=sshd\nTYPE=tty\n',
  );
  await b.file('run/systemd/sessions/3.ref', '');
  await b.file('lib/systemd/system/xrdp.service', '[Unit]\n');
  await b.file('lib/systemd/system/ssh.service', '[Unit]\n');
  await b.link('etc/systemd/system/multi-user.target.wants/xrdp.service', '/lib/systemd/system/xrdp.service');
  return sysrootHost(b.root);
}

describe('Linux readers on a sysroot', () => {
  it('reads processes from /proc, with paths from the exe link', async () => {
    const processes = await readLinuxProcesses(await machine());
    expect(processes.find((p) => p.pid === 2400)).toEqual({
      pid: 2400,
      name: 'notes-sync',
      path: '/tmp/notes-sync',
      cmdline: '/tmp/notes-sync -rfbport 5900',
    });
    expect(processes.map((p) => p.pid).sort((a, b) => a - b)).toEqual([1, 812, 2001, 2400]);
  });

  it('finds listeners and inbound connections with their owners, not outbound ones', async () => {
    const sockets = await readLinuxSockets(await machine());
    expect(sockets.map((s) => [s.localPort, s.state, s.process, s.remoteAddress])).toEqual([
      [22, 'listen', 'sshd', '0.0.0.0'],
      [5900, 'listen', 'notes-sync', '0.0.0.0'],
      [5900, 'established', 'notes-sync', '203.0.113.9'],
    ]);
  });

  it('keeps only session variables from our environment and reads logind sessions', async () => {
    const session = await readLinuxSession(await machine());
    expect(session.env).toEqual({ SSH_CONNECTION: '203.0.113.9 50022 192.0.2.4 22' });
    expect(session.loginSessions).toEqual([
      { id: '3', remote: true, remoteHost: '203.0.113.9', service: 'sshd', type: 'tty', user: 'ana' },
    ]);
  });

  it("keeps logind's LEADER, the process a login session hangs from", () => {
    expect(
      parseLogindSession(
        '4',
        'UID=1000\nUSER=hire\nREMOTE=1\nREMOTE_HOST=203.0.113.9\nSERVICE=sshd\nLEADER=5000\n',
      ),
    ).toEqual({
      id: '4',
      remote: true,
      remoteHost: '203.0.113.9',
      service: 'sshd',
      type: null,
      user: 'hire',
      leader: 5000,
    });
  });

  it('tells enabled units from installed ones', async () => {
    const services = await readLinuxServices(await machine());
    expect(services).toContainEqual({
      name: 'xrdp.service',
      state: 'enabled',
      path: '/lib/systemd/system/xrdp.service',
    });
    expect(services).toContainEqual({
      name: 'ssh.service',
      state: 'disabled',
      path: '/lib/systemd/system/ssh.service',
    });
  });

  it('never follows a link out of the sysroot', async () => {
    const b = await SysrootBuilder.create();
    await b.link('proc/self', '/proc/self');
    await expect(sysrootHost(b.root).readText('/proc/self/environ')).rejects.toBeInstanceOf(SysrootEscape);
  });
});
