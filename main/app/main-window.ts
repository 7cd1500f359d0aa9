import { APP_ENTRY_URL } from './app-origin';

/** The security-relevant preferences of every HireProof window, in one place so a test can pin them. */
export function secureWebPreferences(preload: string, devTools: boolean) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  } as const;
}

export type WindowOptions = {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  webPreferences: ReturnType<typeof secureWebPreferences>;
};

/** The parts of a BrowserWindow the factory uses (tests pass a fake class). */
export interface WindowLike {
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
}
export type WindowConstructor<W extends WindowLike> = new (options: WindowOptions) => W;

export type AppView = 'onboarding' | 'helpdesk';

/** The one window factory: secure preferences, our app:// page, shown once painted. */
export function createMainWindow<W extends WindowLike>(
  BrowserWindow: WindowConstructor<W>,
  options: { preload: string; devTools: boolean; view: AppView },
): W {
  const window = new BrowserWindow({
    width: 960,
    height: 720,
    minWidth: 560,
    minHeight: 480,
    show: false,
    title: 'HireProof',
    autoHideMenuBar: true,
    backgroundColor: '#1b1e23',
    webPreferences: secureWebPreferences(options.preload, options.devTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.view === 'helpdesk' ? `${APP_ENTRY_URL}#/helpdesk` : APP_ENTRY_URL);
  return window;
}
