// The Electron entry: the only main-process file that imports electron; everything else gets it passed in.
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import { appSchemePrivileges } from './app-protocol';
import { builtPaths, startApp } from './start-app';

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

startApp(
  {
    app,
    BrowserWindow,
    ipcMain,
    Menu,
    nativeImage,
    Notification,
    protocol,
    safeStorage,
    session,
    shell,
    Tray,
  },
  builtPaths(import.meta.dirname),
  process.argv,
).catch((error: unknown) => {
  console.error('HireProof could not start:', error);
  app.exit(1);
});
