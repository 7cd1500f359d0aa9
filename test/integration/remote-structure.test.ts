import { execFile } from 'node:child_process';
import { chmod, chown, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecksReport, type CheckResult, type EvidenceRow } from '../../main/contract/checks';
import { ensureHire, HIRE, NetworkNamespace, type Started } from '../support/netns';

const exec = promisify(execFile);
const REPO = process.cwd();
const CLI = join(REPO, 'bin', 'hireproof.mjs');

/**
 * Real remote-control servers from Debian, each run as the ordinary user `hire` (root only where a
 * system service is), renamed and moved where an operator would, in a network namespace of their
 * own so default ports are real defaults. HireProof runs as `hire` too: directly, in a tmux pane
 * attached over SSH, and through four SSH logins with the environment cleared. Each server starts
 * once for the whole suite.
 */
describe('remote control by structure, with real servers', () => {
  let ns: NetworkNamespace;
  let dir = '';
  let own = '';
  const servers: Started[] = [];
  const reports = new Map<string, ChecksReport>();
  let tmuxSocket = '';

  const serve = (
    name: string,
    file: string,
    args: string[],
    options: Parameters<NetworkNamespace['start']>[2],
  ) => {
    const started = ns.start(file, args, options);
    servers.push(started);
    return { name, ...started };
  };

  const ssh = (port: number, command: string, tty = false) =>
    ns.run(
      'ssh',
      [
        ...(tty ? ['-tt'] : []),
        ...['-p', String(port), '-i', join(dir, 'client_key')],
        ...[
          '-o',
          'StrictHostKeyChecking=no',
          '-o',
          'UserKnownHostsFile=/dev/null',
          '-o',
          'BatchMode=yes',
          '-o',
          'LogLevel=ERROR',
        ],
        `${HIRE.name}@127.0.0.1`,
        command,
      ],
      { as: 'root', timeoutMs: 60_000 },
    );

  /** `hireproof check --json` through an SSH login whose environment is cleared (`env -i`). */
  const checkOverSsh = async (port: number, tty = false) => {
    const { stdout, stderr } = await ssh(
      port,
      `cd ${REPO} && env -i ${process.execPath} ${CLI} check --json`,
      tty,
    );
    try {
      return ChecksReport.parse(JSON.parse(stdout.replace(/\r/g, '')));
    } catch {
      throw new Error(`no report over SSH on port ${port}: ${stderr}${stdout.slice(0, 400)}`);
    }
  };

  beforeAll(async () => {
    const started = Date.now();
    await ensureHire();
    ns = await NetworkNamespace.create('structure');
    if ((await ns.run('test', ['-r', CLI], { as: 'hire' })).code !== 0)
      throw new Error(`the hire user cannot read ${CLI}: the checkout must be readable by other users`);
    dir = await mkdtemp(join(tmpdir(), 'hireproof-structure-'));
    // The hire's own folder: copies of servers, their keys, sockets, tmux's reports.
    own = join(dir, 'hire');
    await mkdir(own);
    await chmod(dir, 0o755);
    const { uid, gid } = await stat(HIRE.home);
    const give = (path: string) => chown(path, uid, gid);
    await give(own);

    // Keys: the root sshd's and the client's; the hire's servers get their own host key.
    await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
    await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')]);
    await copyFile(join(dir, 'host_key'), join(own, 'host_key'));
    await give(join(own, 'host_key'));
    await chmod(join(own, 'host_key'), 0o600);
    await mkdir(join(HIRE.home, '.ssh'), { recursive: true, mode: 0o700 });
    await writeFile(join(HIRE.home, '.ssh', 'authorized_keys'), await readFile(join(dir, 'client_key.pub')));
    await give(join(HIRE.home, '.ssh'));
    await give(join(HIRE.home, '.ssh', 'authorized_keys'));
    await chmod(join(HIRE.home, '.ssh', 'authorized_keys'), 0o600);
    // The same bytes under other names, where an operator would put them.
    for (const [from, to] of [
      ['/usr/sbin/sshd', 'syncd'],
      ['/usr/bin/x11vnc', 'notes-sync'],
      ['/usr/bin/x11vnc', 'pairing-helper'],
      ['/usr/bin/x11vnc', 'clipboard-sync'],
    ] as const) {
      await copyFile(from, join(own, to));
      await give(join(own, to));
      await chmod(join(own, to), 0o755);
    }
    await ns.run('dropbearkey', ['-t', 'ed25519', '-f', join(own, 'dropbear_key')], { as: 'hire' });
    await mkdir('/run/sshd', { recursive: true });
    // sshd records logins in utmp, which a real system's tmpfiles creates at boot.
    await writeFile('/run/utmp', '', { flag: 'a' });
    const xdg = join(own, 'xdg');
    const xpraConf = join(own, 'xpra-conf');
    await mkdir(xdg, { mode: 0o700 });
    await mkdir(xpraConf);
    await give(xdg);
    const asHire = (env: Record<string, string> = {}) => ({
      as: 'hire' as const,
      env: { XDG_RUNTIME_DIR: xdg, ...env },
    });
    const onScreen = asHire({ DISPLAY: ':84' });

    // Displays: Xvfb for the servers that share a screen; Xvfb :83 is the desk PC Barrier shares from.
    serve('Xvfb', 'Xvfb', [':84', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], asHire());
    serve('Xvfb', 'Xvfb', [':83', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], asHire());
    // VNC desktops: TigerVNC on its own default port for :80 (5980) and on a chosen one; TightVNC on its default.
    serve('Xtigervnc', 'Xtigervnc', [':80', '-SecurityTypes', 'None', '-geometry', '800x600'], asHire());
    serve(
      'Xtigervnc',
      'Xtigervnc',
      [':81', '-SecurityTypes', 'None', '-geometry', '800x600', '-rfbport', '15911'],
      asHire(),
    );
    serve('Xtightvnc', 'Xtightvnc', [':82', '-geometry', '800x600', '-depth', '24'], asHire());
    await new Promise((r) => setTimeout(r, 700));
    const vnc = ['-display', ':84', '-forever', '-shared', '-nopw', '-quiet'];
    // Shadowing servers of the Xvfb screen: FreeRDP's on 8443 and on RDP's own 3389, xpra on its default 14500.
    serve('freerdp-shadow-cli', 'freerdp-shadow-cli', ['/port:8443', '-auth'], onScreen);
    serve('freerdp-shadow-cli', 'freerdp-shadow-cli', ['/port:3389', '-auth'], onScreen);
    serve(
      'xpra',
      'xpra',
      [
        'shadow',
        ':84',
        '--bind-tcp=0.0.0.0:',
        '--daemon=no',
        '--mdns=no',
        '--notifications=no',
        '--pulseaudio=no',
        '--speaker=no',
        '--microphone=no',
        '--webcam=no',
        '--printing=no',
        '--file-transfer=no',
        '--dbus-proxy=no',
        '--systemd-run=no',
        `--socket-dirs=${xdg}`,
      ],
      // Debian's /etc/xpra starts an Xsession (a terminal) on the shadowed screen: read no system config.
      asHire({ XPRA_SYSTEM_CONF_DIRS: xpraConf }),
    );
    // noVNC's WebSocket relay in front of the TigerVNC desktop, on novnc_proxy's default port.
    serve('websockify', 'websockify', ['--web', '/usr/share/novnc', '6080', 'localhost:5980'], asHire());
    // SSH servers: the system's own (root), the hire's own sshd with env -i logins, a renamed copy, Dropbear.
    const sshdOptions = (key: string) => [
      '-D',
      '-f',
      '/dev/null',
      '-o',
      `HostKey=${key}`,
      '-o',
      'PidFile=none',
      '-o',
      'UsePAM=no',
      '-o',
      'StrictModes=no',
    ];
    serve('sshd', '/usr/sbin/sshd', [...sshdOptions(join(dir, 'host_key')), '-p', '22'], { as: 'root' });
    serve('sshd', '/usr/sbin/sshd', [...sshdOptions(join(own, 'host_key')), '-p', '2222'], asHire());
    serve('syncd', join(own, 'syncd'), [...sshdOptions(join(own, 'host_key')), '-p', '2200'], asHire());
    serve(
      'dropbear',
      '/usr/sbin/dropbear',
      ['-F', '-E', '-s', '-p', '2022', '-r', join(own, 'dropbear_key'), '-P', join(own, 'dropbear.pid')],
      asHire(),
    );
    // x11vnc renamed on another port; renamed again, connecting out to a listening viewer; renamed
    // again, only on a unix socket behind socat; and as itself on loopback, reached through `ssh -R`.
    serve('notes-sync', join(own, 'notes-sync'), [...vnc, '-rfbport', '15917'], onScreen);
    serve('viewer', 'socat', ['-u', 'TCP-LISTEN:15500,reuseaddr,fork', 'OPEN:/dev/null'], asHire());
    serve(
      'clipboard-sync',
      join(own, 'clipboard-sync'),
      [...vnc, '-rfbport', '0', '-unixsock', join(own, 'vnc.sock')],
      onScreen,
    );
    serve('x11vnc', 'x11vnc', [...vnc, '-localhost', '-rfbport', '15901'], onScreen);
    // Input sharing, a look-alike: Barrier's server on the desk PC's screen, its client on this one.
    await writeFile(
      join(own, 'barrier.conf'),
      'section: screens\n  desk:\n  laptop:\nend\nsection: links\n  desk:\n    right = laptop\n  laptop:\n    left = desk\nend\n',
    );
    serve(
      'barriers',
      'barriers',
      [
        '-f',
        '--no-tray',
        '--name',
        'desk',
        '--disable-crypto',
        '-c',
        join(own, 'barrier.conf'),
        '--address',
        '127.0.0.1:24800',
      ],
      asHire({ DISPLAY: ':83', HOME: own }),
    );

    for (const port of [
      5980, 15911, 5982, 8443, 3389, 6080, 22, 2222, 2200, 2022, 15917, 15500, 15901, 24800,
    ])
      await ns.waitForPort(port);
    serve(
      'pairing-helper',
      join(own, 'pairing-helper'),
      [...vnc, '-rfbport', '0', '-connect', '127.0.0.1:15500'],
      onScreen,
    );
    serve(
      'relay',
      'socat',
      ['TCP-LISTEN:15910,reuseaddr,fork', `UNIX-CONNECT:${join(own, 'vnc.sock')}`],
      asHire(),
    );
    serve(
      'barrierc',
      'barrierc',
      ['-f', '--no-tray', '--name', 'laptop', '--disable-crypto', '127.0.0.1:24800'],
      asHire({ DISPLAY: ':84', HOME: own }),
    );
    serve(
      'ssh -R',
      'ssh',
      [
        '-N',
        '-R',
        '15902:127.0.0.1:15901',
        '-i',
        join(dir, 'client_key'),
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'BatchMode=yes',
        `${HIRE.name}@127.0.0.1`,
      ],
      { as: 'root' },
    );
    // A tmux session started at the desk, then attached from an SSH login.
    tmuxSocket = join(own, 'tmux.sock');
    await ns.run(
      'tmux',
      ['-S', tmuxSocket, 'new-session', '-d', '-s', 'work', '-x', '200', '-y', '50'],
      asHire({ TERM: 'xterm' }),
    );
    serve(
      'tmux attach',
      'ssh',
      [
        '-tt',
        '-i',
        join(dir, 'client_key'),
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'BatchMode=yes',
        `${HIRE.name}@127.0.0.1`,
        `TERM=xterm tmux -S ${tmuxSocket} attach -t work`,
      ],
      { as: 'root' },
    );
    for (const port of [15910, 15902, 14500]) await ns.waitForPort(port, 30_000);
    console.log(`remote-structure: servers up in ${Date.now() - started} ms`);
  }, 120_000);

  afterAll(async () => {
    if (tmuxSocket) await ns?.run('tmux', ['-S', tmuxSocket, 'kill-server'], { as: 'hire' });
    for (const server of servers.reverse()) await server.stop();
    await ns?.destroy();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  /** One hireproof run per way in, run once and shared by the tests that read it. */
  async function report(way: string): Promise<ChecksReport> {
    const cached = reports.get(way);
    if (cached) return cached;
    let result: ChecksReport;
    if (way === 'desk') {
      const { stdout, stderr } = await ns.run(process.execPath, [CLI, 'check', '--json'], { as: 'hire' });
      result = ChecksReport.parse(JSON.parse(stdout || stderr));
    } else if (way === 'tmux') {
      const out = join(own, 'tmux.json');
      await ns.run(
        'tmux',
        [
          '-S',
          tmuxSocket,
          'send-keys',
          '-t',
          'work',
          `${process.execPath} ${CLI} check --json > ${out}.tmp; mv ${out}.tmp ${out}`,
          'Enter',
        ],
        { as: 'hire' },
      );
      const until = Date.now() + 30_000;
      while (!(await stat(out).catch(() => null)) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 200));
      result = ChecksReport.parse(JSON.parse(await readFile(out, 'utf8')));
    } else {
      const [port, tty] = {
        'hire sshd': [2222, false],
        dropbear: [2022, false],
        syncd: [2200, false],
        'system sshd': [22, true],
      }[way] as [number, boolean];
      result = await checkOverSsh(port, tty);
    }
    reports.set(way, result);
    return result;
  }

  const check = (r: ChecksReport, id: string): CheckResult => {
    const found = r.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no ${id} in the report`);
    return found;
  };
  const listening = (rows: EvidenceRow[], port: number) =>
    rows.filter((e) => e.port === port && e.state === 'listening');

  it('names every remote-control server by protocol, port and process, renamed or not', async () => {
    const ports = check(await report('desk'), 'remote.ports');
    expect(ports.status).toBe('fail');
    const served = (port: number) => listening(ports.evidence, port)[0] ?? {};
    expect(served(5980)).toMatchObject({ speaks: 'VNC (RFB)', banner: 'RFB 003.008', process: 'Xtigervnc' });
    expect(served(15911)).toMatchObject({ speaks: 'VNC (RFB)', process: 'Xtigervnc' });
    expect(served(5982)).toMatchObject({ speaks: 'VNC (RFB)', process: 'Xtightvnc' });
    expect(served(8443)).toMatchObject({
      speaks: 'RDP',
      banner: expect.stringMatching(/^X\.224 Connection Confirm/) as string,
      process: 'freerdp-shadow-',
    });
    expect(served(3389)).toMatchObject({ speaks: 'RDP', process: 'freerdp-shadow-' });
    expect(served(14500)).toMatchObject({ speaks: 'xpra', process: 'xpra' });
    expect(served(6080)).toMatchObject({
      speaks: 'a web VNC client',
      banner: 'WebSocket relay to RFB 003.008',
      process: 'websockify',
    });
    expect(served(15917)).toMatchObject({
      speaks: 'VNC (RFB)',
      process: 'notes-sync',
      path: join(own, 'notes-sync'),
    });
    expect(served(15910)).toMatchObject({ speaks: 'VNC (RFB)', process: 'socat' });
    expect(served(15901)).toMatchObject({ speaks: 'VNC (RFB)', process: 'x11vnc' });
    // The `ssh -R` end is held by sshd's child for the hire: the hire's uid, but sshd makes that
    // process undumpable, so the hire sees the protocol and the uid, not the process.
    expect(served(15902)).toMatchObject({ speaks: 'VNC (RFB)', process: null, uid: served(15917).uid });
    for (const name of [
      'VNC (RFB) on 15917 (notes-sync)',
      'RDP on 3389 (freerdp-shadow-)',
      'xpra on 14500 (xpra)',
    ])
      expect(ports.summary).toContain(name);
  });

  it('still names the tools it knows by name, and the port list counts where the protocol is untold', async () => {
    const desk = await report('desk');
    expect(check(desk, 'remote.tools').evidence).toContainEqual(
      expect.objectContaining({ process: 'x11vnc' }),
    );
    // The viewer waiting for the reverse connection answers nothing: silent, on no remote tool's port.
    expect(listening(check(desk, 'remote.ports').evidence, 15500)).toEqual([]);
  });

  it("fails the hire's own SSH servers, leaves the system's listening one to remote.session", async () => {
    const ports = check(await report('desk'), 'remote.ports');
    expect(listening(ports.evidence, 2200)[0]).toMatchObject({
      speaks: 'SSH',
      process: 'syncd',
      uid: expect.any(Number) as number,
    });
    expect(listening(ports.evidence, 2022)[0]).toMatchObject({
      speaks: 'SSH',
      banner: expect.stringContaining('dropbear') as string,
      process: 'dropbear',
    });
    for (const name of ['SSH on 2200 (syncd)', 'SSH on 2222 (sshd)', 'SSH on 2022 (dropbear)'])
      expect(ports.summary).toContain(name);
    expect(ports.summary).not.toContain('SSH on 22 ');
    expect(listening(ports.evidence, 22)[0]).toMatchObject({ speaks: 'SSH', process: null, uid: 0 });
  });

  it('catches VNC servers without a listening port by the library they map, and passes input sharing', async () => {
    const ports = check(await report('desk'), 'remote.ports');
    const structure = ports.evidence.filter((e) => e.signal === 'process structure');
    expect(structure).toContainEqual(
      expect.objectContaining({
        kind: 'remote-desktop server',
        process: 'pairing-helper',
        meaning: expect.stringContaining('holds a TCP connection') as string,
      }),
    );
    expect(structure).toContainEqual(
      expect.objectContaining({
        kind: 'remote-desktop server',
        process: 'clipboard-sync',
        meaning: expect.stringContaining('serves a unix socket') as string,
      }),
    );
    expect(ports.summary).toContain('remote-desktop server pairing-helper');
    const barrier = structure.filter((e) => e.process === 'barrierc' || e.process === 'barriers');
    expect(barrier.map((e) => e.kind)).toEqual(['look-alike', 'look-alike']);
    expect(ports.summary).not.toMatch(/barrier/);
  });

  it('sees a tmux session started at the desk and attached over SSH', async () => {
    const session = check(await report('tmux'), 'remote.session');
    expect(session.status).toBe('fail');
    expect(session.evidence).toContainEqual(
      expect.objectContaining({
        signal: 'terminal multiplexer',
        value: '/usr/bin/tmux',
        meaning: expect.stringMatching(
          /attached from a remote login: tmux: client \(pid \d+\) runs under sshd/,
        ) as string,
      }),
    );
  });

  it.each([
    ['hire sshd', 'sshd', '/usr/sbin/sshd', 2222],
    ['dropbear', 'dropbear', '/usr/sbin/dropbear', 2022],
    ['syncd', 'syncd', 'syncd', 2200],
  ])(
    'sees an env -i login through %s by the process holding its connection',
    async (way, name, path, port) => {
      const session = check(await report(way), 'remote.session');
      expect(session.status).toBe('fail');
      expect(session.evidence.filter((e) => e.signal === 'environment')).toEqual([]);
      const ancestry = session.evidence.find((e) => e.signal === 'process ancestry');
      expect(ancestry).toMatchObject({ name: expect.stringContaining(`${name} (pid `) as string });
      expect(String(ancestry?.value)).toContain(path.startsWith('/') ? path : join(own, path));
      expect(String(ancestry?.meaning)).toContain(`to port ${port} (SSH)`);
    },
  );

  it("sees an env -i login through root's sshd by its utmp record, though root's processes are hidden", async () => {
    const session = check(await report('system sshd'), 'remote.session');
    expect(session.evidence).toContainEqual(
      expect.objectContaining({
        signal: 'process ancestry',
        meaning: expect.stringMatching(
          /^this session runs under a remote login: sshd \(pid \d+\) logged hire in on pts\/\d+ from 127\.0\.0\.1 \(utmp\)$/,
        ) as string,
      }),
    );
    expect(session.evidence).toContainEqual(
      expect.objectContaining({
        signal: 'connection',
        name: 'SSH :22',
        meaning: 'someone is connected over SSH',
      }),
    );
  });
});
