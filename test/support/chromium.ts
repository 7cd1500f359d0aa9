import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): the engine Electron embeds, never a downloaded build. */
export const CHROMIUM = process.env.HIREPROOF_CHROMIUM ?? '/usr/bin/chromium';

/** Quiet on the network beyond the pages a test opens. */
const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FLAGS = ['--headless', ...QUIET];

function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set HIREPROOF_CHROMIUM)`,
    );
  }
}

/** A browser for tests that open several contexts (light and dark, signed in and out). */
export async function launchBrowser(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface ProfileOptions {
  viewport?: { width: number; height: number };
  /** Chromium's fake camera, granted without a prompt; a .y4m path plays that clip (looped). */
  fakeCamera?: { clip: string | null };
  /**
   * A window on this X display (e.g. Xvfb's `:90`) instead of headless: input then reaches the page
   * the way a person's does, through the X server. The window fills the display from its top left.
   */
  display?: { name: string; width: number; height: number };
}

/** A fresh, throwaway profile (removed when the context closes), like a first start of the app. */
export async function launchProfile(options: ProfileOptions = {}): Promise<BrowserContext> {
  requireChromium();
  const profile = await mkdtemp(join(tmpdir(), 'hireproof-chromium-'));
  const camera = options.fakeCamera
    ? [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        ...(options.fakeCamera.clip ? [`--use-file-for-fake-video-capture=${options.fakeCamera.clip}`] : []),
      ]
    : [];
  const { display } = options;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    acceptDownloads: true,
    ...(display
      ? {
          headless: false,
          env: { ...process.env, DISPLAY: display.name },
          // The page gets the window's own size, as it does for a person.
          viewport: null,
          args: [
            ...QUIET,
            '--window-position=0,0',
            `--window-size=${display.width},${display.height}`,
            ...camera,
          ],
        }
      : {
          headless: true,
          viewport: options.viewport ?? { width: 1280, height: 800 },
          args: [...FLAGS, ...camera],
        }),
  });
  // Chromium may still be flushing the profile as the context reports closed: retry, never fail a test on it.
  context.once('close', () => {
    rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
  });
  return context;
}
