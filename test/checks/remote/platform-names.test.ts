import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { remoteToolsCheck } from '../../../main/checks/catalogue/remote-tools';
import { minimisedFacts } from '../../../main/checks/minimise';
import { remoteTools } from '../../../main/checks/remote/catalogue';
import { toolForProcess } from '../../../main/checks/remote/match';
import type { Platform } from '../../../main/contract/checks';
import { defaultPolicy } from '../../../main/contract/policy';
import type { ProcessInfo } from '../../../main/probes/processes/process';
import lolrmm from '../../../main/reference/lolrmm-catalog.json';
import extra from '../../../main/reference/remote-tools-extra.json';
import { facts } from '../../support/facts';

const proc = (name: string, path: string | null, cmdline = ''): ProcessInfo => ({
  pid: 1,
  name,
  path,
  cmdline,
});
const toolOf = (process: ProcessInfo, platform: Platform) =>
  toolForProcess(remoteTools, process, platform)?.tool.name ?? null;
/** What /proc shows for a binary started from `path`: comm is its first 15 bytes, exe the resolved file. */
const linuxProcess = (path: string): ProcessInfo =>
  proc(path.split('/').pop()!.slice(0, 15), realpathSync(path));

/** Debian's 64-bit Wine 8 loader, as /proc/PID/exe shows it for every Windows program it runs. */
const WINE64 = '/usr/lib/wine/wine64';

describe('catalogue names on the platform they belong to', () => {
  it.each([
    ['tar', '/usr/bin/tar'],
    ['perl', '/usr/bin/perl'],
    ['dd', '/usr/bin/dd'],
    ['kitty', '/usr/bin/kitty'],
    ['syncthing', '/usr/bin/syncthing'],
    ['radmin', '/usr/sbin/radmin'],
  ])('a Linux %s is not the Windows program of that name', (name, path) => {
    expect(toolOf(proc(name, path), 'linux')).toBeNull();
  });

  it('still knows the Windows programs by their Windows names, on Windows', () => {
    const win = (name: string, path: string) => toolOf(proc(name, path), 'win32');
    expect(win('dd.exe', 'C:\\Program Files\\Distant Desktop\\dd.exe')).toBe('Distant Desktop');
    expect(win('kitty.exe', 'C:\\Users\\ana\\Downloads\\kitty.exe')).toBe('KiTTY');
    expect(win('Syncthing.exe', 'C:\\Users\\ana\\AppData\\Roaming\\SyncTrayzor\\Syncthing.exe')).toBe(
      'Syncthing',
    );
  });

  it("does not take Windows' own tar.exe, Git's perl.exe or 7-Zip for an RMM tool", () => {
    expect(toolOf(proc('tar.exe', 'C:\\Windows\\System32\\tar.exe'), 'win32')).toBeNull();
    expect(toolOf(proc('perl.exe', 'C:\\Program Files\\Git\\usr\\bin\\perl.exe'), 'win32')).toBeNull();
    expect(toolOf(proc('7z.exe', 'C:\\Program Files\\7-Zip\\7z.exe'), 'win32')).toBeNull();
    expect(
      toolOf(proc('winpty-agent.exe', 'C:\\Program Files\\Git\\usr\\bin\\winpty-agent.exe'), 'win32'),
    ).toBeNull();
  });

  it("does not take Apple's own parsecd for Parsec, and still knows Parsec's app on macOS", () => {
    // As a real `ps -A` lists it (test/fixtures/recorded/darwin/docker-dev-high-sierra-ps-a-processes).
    const apple = '/System/Library/PrivateFrameworks/CoreParsec.framework/parsecd';
    expect(toolOf(proc('parsecd', apple), 'darwin')).toBeNull();
    expect(toolOf(proc('parsecd', '/Applications/Parsec.app/Contents/MacOS/parsecd'), 'darwin')).toBe(
      'Parsec',
    );
    expect(toolOf(proc('parsecd', '/usr/bin/parsecd'), 'linux')).toBe('Parsec');
  });

  it('does not match a Linux name on macOS nor a macOS name on Windows', () => {
    expect(toolOf(proc('x11vnc', '/usr/local/bin/x11vnc'), 'darwin')).toBeNull();
    expect(toolOf(proc('screensharingd', null), 'linux')).toBeNull();
    expect(toolOf(proc('ARDAgent.exe', 'C:\\Tools\\ARDAgent.exe'), 'win32')).toBeNull();
  });
});

describe('Windows programs under Wine', () => {
  // As Debian's Wine 8 shows them in /proc: comm is the program's name, exe is Wine's loader, and
  // cmdline starts with the program's path (Windows path, or the Unix path it was started from).
  const anydesk = proc('AnyDesk.exe', WINE64, '/home/ana/.wine/drive_c/AnyDesk.exe --service');

  it('are matched by their Windows names on Linux', () => {
    const match = toolForProcess(remoteTools, anydesk, 'linux');
    expect(match?.tool.name).toBe('AnyDesk');
    expect(match?.builtFor).toBe('win32');
    expect(toolOf(proc('kitty.exe', WINE64, 'C:\\Tools\\kitty.exe -ssh host'), 'linux')).toBe('KiTTY');
  });

  it('use the full name from the command line where comm is cut to 15 bytes', () => {
    const service = proc('TeamViewer_Serv', WINE64, 'C:\\Program Files\\TeamViewer\\TeamViewer_Service.exe');
    expect(toolOf(service, 'linux')).toBe('TeamViewer');
  });

  it("take a shared name only from the tool's own folder", () => {
    const parsec = proc('teams.exe', WINE64, 'C:\\Program Files\\Parsec\\teams.exe');
    expect(toolOf(parsec, 'linux')).toBe('Parsec');
    expect(toolOf(proc('teams.exe', WINE64, 'C:\\Users\\ana\\Teams\\teams.exe'), 'linux')).toBeNull();
  });

  it("leave Wine's own services alone", () => {
    expect(toolOf(proc('services.exe', WINE64, 'C:\\windows\\system32\\services.exe'), 'linux')).toBeNull();
    expect(
      toolOf(proc('winedevice.exe', WINE64, 'C:\\windows\\system32\\winedevice.exe'), 'linux'),
    ).toBeNull();
  });

  it('are reported with the program Wine runs, which is all the report keeps of their command line', () => {
    const [kept] = minimisedFacts('processes', [anydesk]);
    expect(kept?.cmdline).toBe('/home/ana/.wine/drive_c/AnyDesk.exe');
    const out = remoteToolsCheck.rule(facts({ processes: [kept!] }), {
      policy: defaultPolicy,
      platform: 'linux',
    });
    expect(out.status).toBe('fail');
    expect(out.evidence).toEqual([
      {
        tool: 'AnyDesk',
        state: 'running',
        pid: 1,
        process: 'AnyDesk.exe',
        path: WINE64,
        runsUnder: 'Wine',
        program: '/home/ana/.wine/drive_c/AnyDesk.exe',
      },
    ]);
  });
});

describe('the catalogue', () => {
  type Os = Partial<Record<'windows' | 'macos' | 'linux', { processes?: string[] }>>;
  const entries = [...lolrmm, ...extra] as { name: string; os: Os }[];
  const names = (os: keyof Os) => entries.flatMap((e) => (e.os[os]?.processes ?? []).map((p) => [e.name, p]));

  it('files every Windows executable under Windows and no Windows executable elsewhere', () => {
    // LOLRMM's GoToAssist lists its update domain g2mupdate.com among processes; as a .com it is Windows.
    expect(names('windows').filter(([, p]) => !/\.(exe|com)$/i.test(p!))).toEqual([]);
    expect([...names('linux'), ...names('macos')].filter(([, p]) => /\.(exe|com)$/i.test(p!))).toEqual([]);
  });

  /** Remote-control servers Debian ships: finding these is what the check is for. */
  const REMOTE_CONTROL_BINARIES = new Set([
    'x11vnc',
    'Xvnc',
    'Xtigervnc',
    'x0vncserver',
    'x0tigervncserver',
    'vncserver',
    'tigervncserver',
    'xrdp',
    'xrdp-sesman',
    'xrdp-chansrv',
    'krfb',
    'krdp',
    'krdpserver',
    'wayvnc',
    'vino-server',
    'guacd',
    'tmate',
    'gnome-remote-desktop-daemon',
  ]);

  it('matches no ordinary program installed on this machine, on Linux', () => {
    const folders = ['/usr/bin', '/usr/sbin', '/usr/libexec', '/usr/lib/openssh'].filter(existsSync);
    const binaries = folders.flatMap((folder) =>
      readdirSync(folder)
        .map((file) => join(folder, file))
        .filter((path) => existsSync(path) && statSync(path).isFile()),
    );
    expect(binaries.length).toBeGreaterThan(500);
    const taken = binaries.flatMap((path) => {
      const tool = toolOf(linuxProcess(path), 'linux');
      return tool ? [`${path} as ${tool}`] : [];
    });
    // x11vnc is installed for the integration tests: the real remote-control server is still found.
    expect(taken).toContain('/usr/bin/x11vnc as x11vnc');
    const unexpected = taken.filter(
      (hit) => !REMOTE_CONTROL_BINARIES.has(hit.split(' ')[0]!.split('/').pop()!),
    );
    expect(unexpected).toEqual([]);
  });
});
