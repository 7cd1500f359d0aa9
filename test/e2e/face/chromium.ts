import type { Page } from 'playwright-core';
import { launchProfile } from '../../support/chromium';

export interface FakeCameraBrowser {
  page: Page;
  close(): Promise<void>;
}

/** Chromium whose fake camera plays `clip` (a .y4m file, looped), with camera permission granted. */
export async function launchWithFakeCamera(clip: string | null): Promise<FakeCameraBrowser> {
  const context = await launchProfile({ fakeCamera: { clip } });
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, close: () => context.close() };
}
