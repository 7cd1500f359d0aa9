import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../main/contract/checks';
import { remoteTools } from '../../../main/checks/remote/catalogue';
import { toolForProcess, toolForService, toolsForPort } from '../../../main/checks/remote/match';
import type { ProcessInfo } from '../../../main/probes/processes/process';

const proc = (name: string, path: string | null = null, cmdline = name): ProcessInfo => ({
  pid: 1,
  name,
  path,
  cmdline,
});
/** The platform a path belongs to, so each case reads as the process list of its own OS. */
const platformOf = (name: string, path: string | null): Platform =>
  /\.exe$/i.test(name) || path?.includes('\\') ? 'win32' : path?.startsWith('/System/') ? 'darwin' : 'linux';
const toolOf = (name: string, path: string | null = null, platform = platformOf(name, path)) =>
  toolForProcess(remoteTools, proc(name, path), platform)?.tool.name ?? null;

describe('remote-tool catalogue', () => {
  it('holds the LOLRMM catalogue and our Linux/macOS supplement', () => {
    expect(remoteTools.length).toBeGreaterThan(319);
  });

  it.each([
    ['AnyDesk.exe', 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe', 'AnyDesk'],
    ['x11vnc', '/usr/bin/x11vnc', 'x11vnc'],
    ['Xtigervnc', '/usr/bin/Xtigervnc', 'TigerVNC / Xvnc'],
    ['teamviewerd', '/opt/teamviewer/tv_bin/teamviewerd', 'TeamViewer'],
    ['rustdesk_1.2.3.exe', null, 'RustDesk'],
    [
      'screensharingd',
      '/System/Library/CoreServices/RemoteManagement/screensharingd.bundle/Contents/MacOS/screensharingd',
      'Apple Screen Sharing',
    ],
    // Linux truncates comm to 15 bytes: gnome-remote-desktop-daemon shows as gnome-remote-de.
    ['gnome-remote-de', null, 'GNOME Remote Desktop'],
  ])('knows %s', (name, path, tool) => {
    expect(toolOf(name, path)).toBe(tool);
  });

  it('takes a renamed binary by its executable path', () => {
    expect(toolOf('notes-sync', '/usr/bin/x11vnc')).toBe('x11vnc');
  });

  it("takes Parsec's teams.exe only from Parsec's folder, never Microsoft Teams", () => {
    expect(toolOf('teams.exe', 'C:\\Program Files\\Parsec\\teams.exe')).toBe('Parsec');
    expect(
      toolOf('Teams.exe', 'C:\\Users\\ana\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe'),
    ).toBeNull();
    expect(toolOf('ms-teams.exe', 'C:\\Program Files\\WindowsApps\\MSTeams_24004\\ms-teams.exe')).toBeNull();
    expect(toolOf('dwm.exe', 'C:\\Windows\\System32\\dwm.exe')).toBeNull();
  });

  it.each([
    ['Zoom.exe', 'C:\\Users\\ana\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe'],
    ['zoom', '/opt/zoom/zoom'],
    ['slack', '/usr/lib/slack/slack'],
    ['Slack', '/Applications/Slack.app/Contents/MacOS/Slack'],
    ['chrome', '/opt/google/chrome/chrome'],
    ['bash', '/usr/bin/bash'],
    ['systemd', '/usr/lib/systemd/systemd'],
  ])('does not take conferencing or ordinary programs for remote control: %s', (name, path) => {
    expect(toolOf(name, path)).toBeNull();
  });

  it('matches installed services, including templated systemd units', () => {
    const service = (name: string) =>
      toolForService(remoteTools, { name, state: 'enabled', path: null }, 'linux')?.name ?? null;
    expect(service('xrdp.service')).toBe('XRDP');
    expect(service('chrome-remote-desktop@ana.service')).toBe('Chrome Remote Desktop');
    expect(service('anydesk.service')).toBe('AnyDesk');
    expect(service('ssh.service')).toBeNull();
    expect(
      toolForService(remoteTools, { name: 'AnyDesk', state: 'running', path: null }, 'win32')?.name,
    ).toBe('AnyDesk');
  });

  it('knows the default ports of remote-control servers', () => {
    const names = (port: number) => toolsForPort(remoteTools, port).map((t) => t.name);
    expect(names(5900)).toContain('x11vnc');
    expect(names(3389)).toContain('XRDP');
    expect(names(7070)).toContain('AnyDesk');
    expect(names(21117)).toContain('RustDesk');
    expect(names(443)).toEqual([]);
    expect(names(22)).toEqual([]);
  });
});
