import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks as catalogue } from '../../main/checks/catalogue/index';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { committedFaces } from '../face/face-fixtures';
import { createHire, startTestServer } from '../support/hr-service';
import { sysroot } from '../support/sysroots';
import { portraits, stillPhotoClip } from './face/camera-clips';

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
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let code = '';
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-electron-'));
    server = await startTestServer('sqlite');
    ({ code } = await createHire(server.url, {
      name: 'Ana Lima',
      email: 'ana.lima@example.com',
      idPhoto: join(committedFaces, portraits.obama1.file),
    }));
    const clip = await stillPhotoClip(committedFaces, portraits.obama3, join(dir, 'camera.y4m'));
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      args: [
        'out/main/index.js',
        '--no-sandbox',
        // Chromium's fake camera works in Electron too; the permission handler still decides.
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${clip}`,
        `--server=${server.url}`,
        `--sysroot=${sysroot('pikvm')}`,
      ],
      env: { ...process.env, XDG_CONFIG_HOME: dir },
    });
    page = await app.firstWindow();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the renderer from app:// with the bridge and without Node', async () => {
    expect(page.url()).toBe('app://hireproof/index.html');
    expect(await page.evaluate(() => typeof (window as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof window.hireproof?.getStatus)).toBe('function');
  });

  it('reaches the device checks, runs the camera step in its frame, and shows the PiKVM fix', async () => {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('checkbox', { name: /I agree to the camera check/ }).check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('Enrolment code').fill(code);
    await page.getByRole('button', { name: 'Enrol this laptop' }).click();
    await expect.poll(() => page.getByText(`${CHECKS} of ${CHECKS} checks done`).count()).toBe(1);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: 'I can’t do timed tasks' }).click();
    const frame = page.frameLocator('iframe[title="Camera check"]');
    expect(await page.locator('iframe[title="Camera check"]').getAttribute('src')).toBe('/face/index.html');
    await frame.getByRole('button', { name: 'Start the camera check' }).click();
    await expect
      .poll(() => page.getByText('The camera check did not succeed:').count(), { timeout: 90_000 })
      .toBe(1);
    await page.getByRole('button', { name: 'Send as it is' }).click();
    await expect.poll(() => page.locator('.fix[data-check="display.ipkvm"]').count()).toBe(1);
  }, 180_000);
});
