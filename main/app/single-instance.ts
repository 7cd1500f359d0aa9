/** The parts of Electron's app that single-instance handling uses. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): void;
}

/**
 * One HireProof per user: a second launch (a deep link, a double click) hands its arguments to
 * the first and quits. Returns false in the instance that must quit.
 */
export function claimSingleInstance(app: InstanceApp, onSecondLaunch: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondLaunch(argv));
  return true;
}
