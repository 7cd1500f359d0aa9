import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Electron from 'electron';
import { describe, expect, it } from 'vitest';
import { applyAutoLaunch, type AutoLaunchHost, type LoginItemApp } from '../../main/app/auto-launch';
import { xdgAutostartFile } from '../../main/app/xdg-autostart';
import { tempDir } from '../support/fake-electron';

function fakeApp(isPackaged = true) {
  const settings: Electron.Settings[] = [];
  const app: LoginItemApp = { isPackaged, setLoginItemSettings: (s) => void settings.push(s) };
  return { app, settings };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('auto-launch at login', () => {
  const host = (platform: NodeJS.Platform, homeDir: string, env: NodeJS.ProcessEnv = {}): AutoLaunchHost => ({
    platform,
    env,
    homeDir,
    execPath: '/opt/HireProof/hireproof',
  });

  it.each<NodeJS.Platform>(['darwin', 'win32'])('uses a login item with --hidden on %s', async (platform) => {
    const { app, settings } = fakeApp();
    expect(await applyAutoLaunch(app, true, host(platform, '/nowhere'))).toBe('login-item');
    await applyAutoLaunch(app, false, host(platform, '/nowhere'));
    expect(settings).toEqual([
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
  });

  it('writes, then removes, an XDG autostart entry on Linux', async () => {
    const home = await tempDir('autostart');
    const { app, settings } = fakeApp();
    const file = join(home, '.config/autostart/hireproof.desktop');
    expect(await applyAutoLaunch(app, true, host('linux', home))).toBe('xdg-autostart');
    const entry = await readFile(file, 'utf8');
    expect(entry).toContain('\nExec=/opt/HireProof/hireproof --hidden\n');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    expect(settings).toEqual([]);

    await applyAutoLaunch(app, false, host('linux', home));
    expect(await exists(file)).toBe(false);
    // Removing an entry that is not there is not an error.
    await applyAutoLaunch(app, false, host('linux', home));
  });

  it('replaces an old entry whole, and starts the AppImage file rather than its mount', async () => {
    const home = await tempDir('autostart');
    const config = join(home, 'cfg');
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ana/Apps/HireProof 1.2.AppImage' };
    const file = join(config, 'autostart/hireproof.desktop');
    await applyAutoLaunch(fakeApp().app, true, host('linux', home, env));
    await writeFile(file, 'stale');
    await applyAutoLaunch(fakeApp().app, true, host('linux', home, env));
    expect(await readFile(file, 'utf8')).toContain(
      '\nExec="/home/ana/Apps/HireProof 1.2.AppImage" --hidden\n',
    );
  });

  it('registers nothing when running from source', async () => {
    const home = await tempDir('autostart');
    const { app, settings } = fakeApp(false);
    expect(await applyAutoLaunch(app, true, host('linux', home))).toBe('not-packaged');
    expect(await applyAutoLaunch(app, true, host('darwin', home))).toBe('not-packaged');
    expect(settings).toEqual([]);
    expect(await exists(xdgAutostartFile({}, home))).toBe(false);
  });
});

describe('the autostart folder', () => {
  it('follows XDG_CONFIG_HOME when absolute, else ~/.config', () => {
    expect(xdgAutostartFile({ XDG_CONFIG_HOME: '/srv/cfg' }, '/home/ana')).toBe(
      '/srv/cfg/autostart/hireproof.desktop',
    );
    expect(xdgAutostartFile({}, '/home/ana')).toBe('/home/ana/.config/autostart/hireproof.desktop');
    expect(xdgAutostartFile({ XDG_CONFIG_HOME: '' }, '/home/ana')).toBe(
      '/home/ana/.config/autostart/hireproof.desktop',
    );
    expect(xdgAutostartFile({ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/ana')).toBe(
      '/home/ana/.config/autostart/hireproof.desktop',
    );
  });
});
