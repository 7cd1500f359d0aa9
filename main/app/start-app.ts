import { electronRuntime } from './app-runtime';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type * as Electron from 'electron';
import { openHost } from '../cli/open-host';
import { loadEnrolment } from '../data/enrolment';
import { privateDir } from '../data/private-dir';
import { deviceService } from '../device/device-service';
import { sealedKeyStore } from '../identity/key-store';
import { registerIpc, windowEmitter } from '../ipc/electron-ipc';
import { Outbox } from '../outbox/outbox';
import { APP_SCHEME } from './app-origin';
import { appProtocolHandler } from './app-protocol';
import { applyAutoLaunch } from './auto-launch';
import { DEEP_LINK_SCHEME, enrolCodeFromArgv, enrolCodeFromLink } from './deep-link';
import { externalLinkPolicy } from './external-links';
import { launchOptions } from './launch-options';
import { createMainWindow, type AppView } from './main-window';
import { guardNavigation } from './navigation-guards';
import { applyPermissionPolicy } from './permissions';
import { claimSingleInstance } from './single-instance';
import { trayActions, trayMenu, trayStatusLine } from './tray-menu';

/** The Electron objects the app uses, passed in by the entry file (the only one that imports electron). */
export interface ElectronModules {
  app: Electron.App;
  BrowserWindow: typeof Electron.BrowserWindow;
  session: typeof Electron.session;
  protocol: Electron.Protocol;
  ipcMain: Electron.IpcMain;
  shell: Electron.Shell;
  safeStorage: Electron.SafeStorage;
  Tray: typeof Electron.Tray;
  Menu: typeof Electron.Menu;
  nativeImage: typeof Electron.nativeImage;
  Notification: typeof Electron.Notification;
}

const STATUS_REFRESH_MS = 60 * 60_000;

/** Lifecycle: one instance, deep links, the secure window, IPC, the tray, and the outbox at start. */
export async function startApp(
  electron: ElectronModules,
  paths: { preload: string; renderer: string; trayIcon: string },
  argv: readonly string[],
): Promise<void> {
  const { app, BrowserWindow, shell } = electron;
  const launch = launchOptions(argv.slice(1), process.env, app.isPackaged);
  let window: Electron.BrowserWindow | null = null;
  let pendingCode = enrolCodeFromArgv(argv);
  const emit = windowEmitter(() => (window && !window.isDestroyed() ? window.webContents : null));

  const showWindow = (view: AppView = launch.view) => {
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.focus();
      return;
    }
    window = createMainWindow(BrowserWindow, { preload: paths.preload, devTools: !app.isPackaged, view });
  };
  const receiveCode = (code: string | null) => {
    if (!code) return;
    pendingCode = code;
    showWindow('onboarding');
    emit('enrolLink', { code });
  };

  if (!claimSingleInstance(app, (second) => (showWindow(), receiveCode(enrolCodeFromArgv(second))))) return;
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveCode(enrolCodeFromLink(url));
  });
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  const isAllowed = externalLinkPolicy(launch.server ? [`${new URL(launch.server).origin}/privacy`] : []);
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(contents, {
      isAllowed,
      open: (url) => void shell.openExternal(url),
    }),
  );
  // The app lives in the tray: closing the window does not quit it.
  app.on('window-all-closed', () => undefined);

  await app.whenReady();
  electron.protocol.handle(APP_SCHEME, appProtocolHandler(paths.renderer));
  applyPermissionPolicy(electron.session.defaultSession);

  const dataDir = privateDir(app.getPath('userData'));
  const service = deviceService({
    dataDir,
    keys: sealedKeyStore(dataDir, electron.safeStorage),
    outbox: new Outbox(dataDir),
    openHost: () => openHost(launch.sysroot),
    server: launch.server,
    runtime: electronRuntime(app, process.resourcesPath),
    emit,
  });
  // Before enrolment the installer's choice stands; after it, the policy decides. A damaged
  // enrolment is the device service's to report; here it just means no policy yet.
  const applyLoginPolicy = async () => {
    const policy = (await loadEnrolment(dataDir).catch(() => null))?.policy;
    if (!policy) return;
    const host = {
      platform: process.platform,
      env: process.env,
      homeDir: homedir(),
      execPath: process.execPath,
    };
    await applyAutoLaunch(app, policy.autoLaunch, host).catch((error: unknown) =>
      console.error('HireProof could not set auto-launch:', error),
    );
  };

  const tray = new electron.Tray(electron.nativeImage.createFromPath(paths.trayIcon));
  const actions = {
    open: () => showWindow('onboarding'),
    recheck: () => (showWindow('onboarding'), emit('recheckRequested', {})),
    helpdesk: () => showWindow('helpdesk'),
    quit: () => app.quit(),
  };
  let notifiedDue = false;
  const refreshTray = async () => {
    const status = await service.getStatus({}).catch(() => null);
    tray.setToolTip(trayStatusLine(status));
    tray.setContextMenu(
      electron.Menu.buildFromTemplate(trayMenu(status, trayActions(actions, status, launch.view))),
    );
    if (status?.reattestation?.due && !notifiedDue && electron.Notification.isSupported()) {
      notifiedDue = true;
      const note = new electron.Notification({ title: 'HireProof check due', body: trayStatusLine(status) });
      note.on('click', actions.recheck);
      note.show();
    }
  };
  registerIpc(electron.ipcMain, {
    ...service,
    // Enrolment brings the policy: apply it now rather than at the next start.
    enrol: async (request) => {
      const status = await service.enrol(request);
      await applyLoginPolicy();
      void refreshTray();
      return status;
    },
    takeEnrolLink: () => {
      const code = pendingCode;
      pendingCode = null;
      return Promise.resolve({ code });
    },
  });

  await refreshTray();
  void applyLoginPolicy();
  setInterval(() => void refreshTray(), STATUS_REFRESH_MS).unref();

  if (!launch.hidden) showWindow();
  void service.flushOutbox().catch(() => undefined);
}

export const builtPaths = (mainDir: string) => ({
  preload: join(mainDir, '../preload/index.cjs'),
  renderer: join(mainDir, '../renderer'),
  trayIcon: join(mainDir, '../renderer/tray-icon.png'),
});
