import { isAppUrl } from './app-origin';

/** The parts of Electron's webContents the guards hook (tests pass fakes). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  /** Any frame's navigation (the camera step runs in a frame), with the target on the event. */
  on(event: 'will-frame-navigate', listener: (event: { url: string; preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * No page or frame may leave the app: navigations and redirects away from app:// are cancelled, new windows
 * are never created (an allowed https link opens in the user's browser instead), and <webview> is
 * refused even if something managed to insert one.
 */
export function guardNavigation(
  contents: GuardedContents,
  external: { isAllowed: (url: string) => boolean; open: (url: string) => void },
): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (external.isAllowed(url)) external.open(url);
    return { action: 'deny' };
  });
}
