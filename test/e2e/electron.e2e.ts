import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHrStandIn, type HrStandIn } from '../support/hr-stand-in';
import { checks as catalogue } from '../../main/checks/catalogue/index';
import { sysroot } from '../support/sysroots';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  console.warn(
    'SKIPPED: the Electron e2e variant did not run, because the Electron binary is missing ' +
      '(node_modules/electron/dist could not be downloaded here). The browser-shell e2e covered the renderer ' +
      'and the IPC contract; the Electron-only glue (app://, preload, sandbox) was not exercised.',
  );
}

/** Every check in the catalogue runs in the app. */
const CHECKS = catalogue.length;

/** The real app through Playwright's Electron support, where its binary exists. */
describe.skipIf(!binary)('the app in Electron', () => {
  let dir = '';
  let hr: HrStandIn;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-electron-'));
    hr = await startHrStandIn({ name: 'Ada Lovelace', code: 'ABCD-EFGH-JKMN-PQRS', faceDescriptor: null });
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      args: ['out/main/index.js', '--no-sandbox', `--server=${hr.url}`, `--sysroot=${sysroot('pikvm')}`],
      env: { ...process.env, XDG_CONFIG_HOME: dir },
    });
    page = await app.firstWindow();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await hr?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the renderer from app:// with the bridge and without Node', async () => {
    expect(page.url()).toBe('app://hireproof/index.html');
    expect(await page.evaluate(() => typeof (window as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof window.hireproof?.getStatus)).toBe('function');
  });

  it('reaches the device checks and shows the PiKVM fix', async () => {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'I agree, continue' }).click();
    await page.getByLabel('Enrolment code').fill('ABCD-EFGH-JKMN-PQRS');
    await page.getByRole('button', { name: 'Enrol this laptop' }).click();
    await expect.poll(() => page.getByText(`${CHECKS} of ${CHECKS} checks done`).count()).toBe(1);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(() => page.locator('.fix[data-check="display.ipkvm"]').count()).toBe(1);
  });
});
