import { describe, expect, it } from 'vitest';
import { createMainWindow, type WindowLike, type WindowOptions } from '../../main/app/main-window';

class FakeWindow implements WindowLike {
  static made: FakeWindow[] = [];
  loaded: string[] = [];
  shown = false;
  private readyListener: (() => void) | null = null;
  constructor(readonly options: WindowOptions) {
    FakeWindow.made.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListener = listener;
  }
  show() {
    this.shown = true;
  }
  paint() {
    this.readyListener?.();
  }
}

describe('the window factory', () => {
  it('makes an isolated, sandboxed window with no Node, no webview and web security on', () => {
    const window = createMainWindow(FakeWindow, {
      preload: '/app/preload/index.cjs',
      devTools: false,
      view: 'onboarding',
    });
    expect(window.options.webPreferences).toEqual({
      preload: '/app/preload/index.cjs',
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
      devTools: false,
    });
  });

  it('loads our app:// page, never file://, and shows it only once painted', () => {
    const window = createMainWindow(FakeWindow, { preload: 'p', devTools: true, view: 'onboarding' });
    expect(window.loaded).toEqual(['app://hireproof/index.html']);
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    window.paint();
    expect(window.shown).toBe(true);
  });

  it('opens the helpdesk view when asked', () => {
    const window = createMainWindow(FakeWindow, { preload: 'p', devTools: false, view: 'helpdesk' });
    expect(window.loaded).toEqual(['app://hireproof/index.html#/helpdesk']);
  });
});
