import type * as Electron from 'electron';
import { autostartEntry } from './desktop-entry';
import { LOGIN_LAUNCH_ARGS } from './launch-options';
import { setXdgAutostart, xdgAutostartFile } from './xdg-autostart';

/** The parts of Electron's app that auto-launch uses. */
export type LoginItemApp = Pick<Electron.App, 'isPackaged' | 'setLoginItemSettings'>;

/** Where the app runs: passed in so tests choose the platform and the folders. */
export interface AutoLaunchHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  execPath: string;
}

export type AutoLaunchOutcome = 'login-item' | 'xdg-autostart' | 'not-packaged';

/**
 * Starts the app hidden at login, or stops doing so, as the enrolled policy says. Only a packaged
 * app registers itself: from source, the executable is Electron's own binary. Electron's login
 * items do nothing on Linux, so there the app writes an XDG autostart entry instead.
 */
export async function applyAutoLaunch(
  app: LoginItemApp,
  enabled: boolean,
  host: AutoLaunchHost,
): Promise<AutoLaunchOutcome> {
  if (!app.isPackaged) return 'not-packaged';
  if (host.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [...LOGIN_LAUNCH_ARGS] });
    return 'login-item';
  }
  // An AppImage runs from a mount that changes at every start; $APPIMAGE is the file itself.
  const executable = host.env.APPIMAGE ?? host.execPath;
  await setXdgAutostart(
    xdgAutostartFile(host.env, host.homeDir),
    enabled ? autostartEntry([executable, ...LOGIN_LAUNCH_ARGS]) : null,
  );
  return 'xdg-autostart';
}
