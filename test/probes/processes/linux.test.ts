import { describe, expect, it } from 'vitest';
import { sysrootHost } from '../../../main/probes/host';
import { readLinuxProcesses } from '../../../main/probes/processes/linux';
import { listeningUnixInodes } from '../../../main/probes/processes/process-network';
import { watchedLibraries } from '../../../main/probes/processes/watched-libraries';
import { SysrootBuilder, tcpRow } from '../../support/sysroot';

const LIB = '/usr/lib/x86_64-linux-gnu';

describe('the Linux processes reader', () => {
  it('reads parent, session and uid, the watched libraries, and the sockets of screen-control processes', async () => {
    const b = await SysrootBuilder.create();
    await b.process(1, { comm: 'systemd', argv: ['/sbin/init'], tree: { ppid: 0, sid: 1, uid: 0 } });
    await b.process(3100, {
      comm: 'notes-sync',
      argv: ['/home/hire/.cache/notes-sync', '-connect', 'relay.example:5500'],
      exe: '/home/hire/.cache/notes-sync',
      tree: { ppid: 1, sid: 3100, uid: 1000 },
      libraries: [
        `${LIB}/libvncserver.so.0.9.14`,
        `${LIB}/libXtst.so.6.1.0`,
        `${LIB}/libXdamage.so.1.1.0`,
        `${LIB}/libc.so.6`,
      ],
      sockets: [9001, 9002],
    });
    // A process whose maps cannot be read (root's, as the hire): no libraries, no sockets.
    await b.process(812, {
      comm: 'sshd',
      argv: ['sshd: /usr/sbin/sshd'],
      tree: { ppid: 1, sid: 812, uid: 0 },
    });
    await b.tcp([tcpRow('0100A8C0:D6D8', '0A00A8C0:157C', '01', 9001)]);
    await b.file(
      'proc/net/unix',
      'Num       RefCount Protocol Flags    Type St Inode Path\n' +
        '0000000000000000: 00000002 00000000 00010000 0001 01 9002 /tmp/.notes.sock\n',
    );
    const processes = await readLinuxProcesses(sysrootHost(b.root));
    expect(processes.find((p) => p.pid === 3100)).toEqual({
      pid: 3100,
      name: 'notes-sync',
      path: '/home/hire/.cache/notes-sync',
      cmdline: '/home/hire/.cache/notes-sync -connect relay.example:5500',
      ppid: 1,
      sid: 3100,
      uid: 1000,
      libraries: ['libvncserver', 'libXtst (XTEST)', 'libXdamage (XDamage)'],
      network: { tcpListening: false, tcpConnected: true, unixListening: true },
    });
    expect(processes.find((p) => p.pid === 812)).toMatchObject({ uid: 0, ppid: 1 });
    expect(processes.find((p) => p.pid === 812)?.libraries).toBeUndefined();
  });

  it('names only the watched libraries of a maps file', () => {
    const maps = [
      `7f1c2b000000-7f1c2b040000 r-xp 00000000 103:02 1400001   ${LIB}/libfreerdp-server2.so.2.11.7`,
      `7f1c2b100000-7f1c2b140000 r-xp 00000000 103:02 1400002   ${LIB}/libfreerdp-shadow-subsystem2.so.2.11.7`,
      `7f1c2b200000-7f1c2b240000 r-xp 00000000 103:02 1400003   ${LIB}/libpulse.so.0.24.2`,
      `7f1c2b300000-7f1c2b340000 r-xp 00000000 103:02 1400004   /usr/lib/python3/dist-packages/xpra/x11/bindings/ximage.cpython-311-x86_64-linux-gnu.so`,
      '7ffd5e1f0000-7ffd5e211000 rw-p 00000000 00:00 0                          [stack]',
    ].join('\n');
    expect(watchedLibraries(maps)).toEqual([
      'libfreerdp-server',
      'libfreerdp-shadow',
      'xpra ximage',
      'libpulse',
    ]);
  });

  it('tells listening unix sockets by __SO_ACCEPTCON', () => {
    const table =
      'Num       RefCount Protocol Flags    Type St Inode Path\n' +
      '0000000000000000: 00000002 00000000 00010000 0001 01 31337 /tmp/.X11-unix/X0\n' +
      '0000000000000000: 00000003 00000000 00000000 0001 03 31338 /tmp/.X11-unix/X0\n';
    expect([...listeningUnixInodes(table)]).toEqual([31337]);
  });
});
