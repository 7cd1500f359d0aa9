import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const folder = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** The README's pictures of each mode, taken by the e2e run so they never go stale. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}${name}.png`, fullPage: true, animations: 'disabled' });
}
