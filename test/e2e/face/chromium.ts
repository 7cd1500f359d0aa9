import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium): the engine Electron embeds. Never a downloaded one. */
export const chromiumPath = process.env.HIREPROOF_CHROMIUM ?? '/usr/bin/chromium';

export interface FakeCameraBrowser {
  page: Page;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile and its fake camera playing `clip` (a .y4m file, looped), camera
 * permission granted without a prompt, and nothing that reaches the network on its own.
 */
export async function launchWithFakeCamera(clip: string | null): Promise<FakeCameraBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'face-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      ...(clip ? [`--use-file-for-fake-video-capture=${clip}`] : []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
