import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const folder = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Set by `npm run screenshots`: only then are the README's pictures rewritten. */
const refresh = process.env.HIREPROOF_SCREENSHOTS === '1';

/**
 * The README's pictures of each mode, taken at the same points of the e2e runs as their
 * assertions. `npm test` still renders them (a page that cannot be captured fails) but leaves the
 * tracked files alone; `npm run screenshots` refreshes them on purpose.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!refresh) {
    await page.screenshot({ fullPage: true, animations: 'disabled' });
    return;
  }
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}${name}.png`, fullPage: true, animations: 'disabled' });
}
