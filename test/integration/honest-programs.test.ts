import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import { chown, copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecksReport } from '../../main/contract/checks';
import { hireproof } from '../support/cli';
import { ordinaryUser, type OrdinaryUser } from '../support/ordinary-user';
import { start, waitForPort } from '../support/processes';

const DISPLAY = ':71';
/** Syncthing's defaults: the web GUI on 127.0.0.1:8384, the sync protocol on 22000. */
const SYNCTHING_PORTS = [8384, 22000];
/** Wine ships its Windows programs as PE files; cmd.exe waits on its input, so it stays up. */
const WINE_CMD = '/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/cmd.exe';

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

/** A process of `uid` whose comm is `name`, read from /proc as the check reads it. */
async function pidOf(name: string, uid: number): Promise<number | null> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() !== name) continue;
    const owner = await stat(`/proc/${entry}`).catch(() => null);
    if (owner?.uid === uid) return Number(entry);
  }
  return null;
}

/** Syncthing's generated config with every outbound feature off: it only listens, on this machine. */
function offline(config: string): string {
  return config
    .replace(
      /<(globalAnnounceEnabled|localAnnounceEnabled|relaysEnabled|natEnabled|startBrowser|crashReportingEnabled)>true</g,
      '<$1>false<',
    )
    .replace(/<urAccepted>\d+</, '<urAccepted>-1<')
    .replace(/<autoUpgradeIntervalH>\d+</, '<autoUpgradeIntervalH>0<')
    .replace(/<stunKeepaliveStartS>\d+</, '<stunKeepaliveStartS>0<');
}

/**
 * An honest Linux laptop: Debian's tar, perl, dd, kitty (a terminal, under Xvfb) and syncthing
 * (on its default ports), each run by an ordinary user, share names with Windows programs in LOLRMM
 * (TiFLUX's tar.exe, GLPI Agent's perl.exe, Distant Desktop's dd.exe, KiTTY, Syncthing.exe). Beside
 * them, two controls the check must still catch: a program called `anydesk`, and a Windows
 * program named AnyDesk.exe run by the real Wine.
 */
describe('ordinary Linux programs that share names with Windows remote tools', () => {
  const stops: (() => Promise<void>)[] = [];
  const honest = new Map<string, number>();
  const children: ChildProcess[] = [];
  let user: OrdinaryUser;
  let home = '';
  let report: ChecksReport;

  const asUser = (env: NodeJS.ProcessEnv = {}) => ({
    uid: user.uid,
    gid: user.gid,
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, USER: user.name, ...env },
  });
  const run = (
    file: string,
    args: string[],
    env: NodeJS.ProcessEnv = {},
    stdin: 'pipe' | 'ignore' = 'ignore',
  ) => {
    const started = start(file, args, { ...asUser(env), stdio: [stdin, 'ignore', 'ignore'] });
    children.push(started.child);
    stops.push(started.stop);
    return started.child;
  };

  beforeAll(async () => {
    user = ordinaryUser();
    home = await mkdtemp(join(tmpdir(), 'hireproof-honest-'));
    await chown(home, user.uid, user.gid);

    stops.push(start('Xvfb', [DISPLAY, '-screen', '0', '1024x768x24', '-nolisten', 'tcp']).stop);
    // tar and dd wait on an open pipe; perl sleeps.
    honest.set('tar', run('tar', ['-x', '-f', '-'], {}, 'pipe').pid!);
    honest.set('dd', run('dd', ['of=/dev/null'], {}, 'pipe').pid!);
    honest.set('perl', run('perl', ['-e', 'sleep 600']).pid!);

    // kitty starts its shell only once its OpenGL window is up (Mesa's software renderer here).
    const ready = join(home, 'kitty-ready');
    await new Promise((r) => setTimeout(r, 500));
    const kitty = run(
      'kitty',
      ['--config', 'NONE', '-o', 'update_check_interval=0', 'sh', '-c', `touch ${ready}; exec sleep 600`],
      {
        DISPLAY,
        LIBGL_ALWAYS_SOFTWARE: '1',
      },
    );
    honest.set('kitty', kitty.pid!);

    const syncthingHome = join(home, 'syncthing');
    execFileSync('syncthing', ['generate', '--home', syncthingHome, '--no-default-folder'], {
      ...asUser(),
      stdio: 'ignore',
    });
    const config = join(syncthingHome, 'config.xml');
    await writeFile(config, offline(await readFile(config, 'utf8')));
    honest.set(
      'syncthing',
      run('syncthing', ['serve', '--home', syncthingHome, '--no-browser', '--no-restart', '--no-upgrade'], {
        STNOUPGRADE: '1',
      }).pid!,
    );

    const renamed = join(home, 'anydesk');
    await copyFile('/usr/bin/sleep', renamed);
    run(renamed, ['600']);
    const windowsProgram = join(home, 'AnyDesk.exe');
    await copyFile(WINE_CMD, windowsProgram);
    await chown(windowsProgram, user.uid, user.gid);
    run(
      'wine',
      [windowsProgram],
      { WINEPREFIX: join(home, 'wine'), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' },
      'pipe',
    );

    await Promise.all(SYNCTHING_PORTS.map((port) => waitForPort(port, 30_000)));
    await until(
      'kitty opening its window',
      () =>
        stat(ready)
          .then(() => true)
          .catch(() => null),
      30_000,
    );
    await until('Wine starting AnyDesk.exe', () => pidOf('AnyDesk.exe', user.uid), 90_000);

    const result = await hireproof(['check', '--json']);
    report = ChecksReport.parse(JSON.parse(result.stdout));
  }, 180_000);

  afterAll(async () => {
    // Ends this prefix's Wine processes only (its wineserver and services), whether or not they started.
    if (home)
      spawnSync('wineserver', ['-k'], { ...asUser({ WINEPREFIX: join(home, 'wine') }), stdio: 'ignore' });
    for (const stop of stops.reverse()) await stop();
    await rm(home, { recursive: true, force: true });
  });

  const evidence = (id: string) => report.checks.find((c) => c.id === id)?.evidence ?? [];

  it('ran every program as the ordinary user until the check had read them', async () => {
    for (const [name, pid] of honest) {
      expect((await stat(`/proc/${pid}`)).uid, name).toBe(user.uid);
    }
    expect(children.every((c) => c.exitCode === null)).toBe(true);
  });

  it('reports none of them under remote.tools', () => {
    const rows = evidence('remote.tools');
    const pids = new Set(honest.values());
    expect(rows.filter((r) => pids.has(Number(r.pid)))).toEqual([]);
    expect(rows.filter((r) => honest.has(String(r.process)))).toEqual([]);
    const namesakes = ['TiFLUX', 'GLPI Agent', 'Distant Desktop', 'KiTTY', 'Syncthing'];
    expect(rows.filter((r) => namesakes.includes(String(r.tool)))).toEqual([]);
  });

  it("does not count syncthing's GUI and sync ports as remote control", () => {
    const rows = evidence('remote.ports');
    expect(rows.filter((r) => SYNCTHING_PORTS.includes(Number(r.port)) || r.process === 'syncthing')).toEqual(
      [],
    );
  });

  it('still catches a program called anydesk, and a Windows AnyDesk.exe under Wine, naming each', () => {
    const tools = report.checks.find((c) => c.id === 'remote.tools');
    expect(tools?.status).toBe('fail');
    expect(tools?.evidence).toContainEqual(
      expect.objectContaining({ tool: 'AnyDesk', process: 'anydesk', path: join(home, 'anydesk') }),
    );
    expect(tools?.evidence).toContainEqual(
      expect.objectContaining({
        tool: 'AnyDesk',
        process: 'AnyDesk.exe',
        runsUnder: 'Wine',
        program: join(home, 'AnyDesk.exe'),
      }),
    );
  });

  it("leaves Wine's own Windows services alone", () => {
    const wineRows = evidence('remote.tools').filter((r) => r.runsUnder === 'Wine');
    expect(wineRows.map((r) => r.process)).toEqual(['AnyDesk.exe']);
  });
});
