import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): the engine Electron embeds, never a downloaded build. */
export const CHROMIUM = process.env.HIREPROOF_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, and quiet on the network beyond the pages a test opens. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [...FLAGS, ...camera],
  });
  // Chromium may still be flushing the profile as the context reports closed: retry, never fail a test on it.
  context.once('close', () => {
    rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
  });
  return context;
}
