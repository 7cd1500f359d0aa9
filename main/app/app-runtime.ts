import type { AppRuntime } from '../probes/app/app-state';

/** How the Electron app was started, as only the running app knows: what `app.integrity` verifies. */
export function electronRuntime(
  app: Pick<Electron.App, 'isPackaged' | 'getPath' | 'getVersion'>,
  resourcesPath: string,
): AppRuntime {
  return {
    isPackaged: app.isPackaged,
    executablePath: app.getPath('exe'),
    version: app.getVersion(),
    resourcesPath: app.isPackaged ? resourcesPath : null,
  };
}
