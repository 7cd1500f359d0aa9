import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerPolicy } from '../../server/server-policy';
import { committedFaces } from '../face/face-fixtures';
import { launchProfile } from '../support/chromium';
import { api, createHire, startTestServer } from '../support/hr-service';
import { sysroot } from '../support/sysroots';
import { portraits } from './face/camera-clips';
import { seriousViolations } from './support/axe';
import { startShellProcess, type ShellProcess } from './support/shell-process';

interface HireReport {
  kind: string;
  hasFaceFrames: boolean;
  reasons: { check: string; message: string }[];
}

/**
 * The camera check is opt-in: the consent screen states the HR service's own retention periods,
 * its box starts unticked, and the camera step opens only for a hire who ticked it. A hire who did
 * can take it back from the home screen, and HR's copy of the face data goes.
 */
describe('biometric consent in the app', () => {
  let dir = '';
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  const shells: ShellProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-consent-'));
    server = await startTestServer('sqlite', {
      policy: ServerPolicy.parse({ retentionDays: 12, unverifiedRetentionDays: 45, spotCheckDailyChance: 0 }),
    });
    browser = await launchProfile({ viewport: { width: 1000, height: 800 }, fakeCamera: { clip: null } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const shell of shells) await shell.stop();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A new hire on a clean laptop with an app of its own, at the consent screen. */
  async function newHireAtConsent(name: string) {
    const hire = await createHire(server.url, {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
      idPhoto: join(committedFaces, portraits.obama1.file),
    });
    const shell = await startShellProcess([
      '--server',
      server.url,
      '--data',
      join(dir, hire.id),
      '--sysroot',
      sysroot('laptop'),
    ]);
    shells.push(shell);
    const page = await browser.newPage();
    await page.goto(shell.url);
    await button(page, 'Start').click();
    await expect.poll(() => heading(page).textContent()).toBe('Before we start');
    return { hire, page };
  }
  const heading = (page: Page) => page.locator('h1');
  const button = (page: Page, name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });
  const cameraBox = (page: Page) => page.getByRole('checkbox', { name: /I agree to the camera check/ });

  /** From the consent screen's Continue to the camera step: the code, the checks, no timed tasks. */
  async function enrolAndCheck(page: Page, code: string) {
    await button(page, 'Continue').click();
    await expect.poll(() => heading(page).textContent()).toBe('Your enrolment code');
    await page.getByLabel('Enrolment code').fill(code);
    await button(page, 'Enrol this laptop').click();
    await expect.poll(() => heading(page).textContent()).toBe('Checking this laptop');
    await expect.poll(() => button(page, 'Continue').isEnabled(), { timeout: 60_000 }).toBe(true);
    await button(page, 'Continue').click();
    await button(page, 'I can’t do timed tasks').click();
    await expect.poll(() => heading(page).textContent()).toBe('Camera check');
  }
  const reportsOf = async (hireId: string) =>
    (await api(server.url, 'GET', `/v1/hires/${hireId}`)).json.reports as HireReport[];

  it('starts unticked, states the configured retention, and skips the camera step when left so', async () => {
    const { hire, page } = await newHireAtConsent('Rosa Parks');
    await expect
      .poll(() => page.locator('.step').textContent())
      .toContain('deleted 12 days after you are verified');
    expect(await page.locator('.step').textContent()).toContain('or 45 days after they were taken');
    expect(await cameraBox(page).isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);

    await enrolAndCheck(page, hire.code);
    // No camera, no frame, no face model: a person's video call instead.
    await expect.poll(() => page.getByText('You chose a short video call with a person').count()).toBe(1);
    expect(await page.locator('iframe[title="Camera check"]').count()).toBe(0);
    await button(page, 'Continue').click();
    await button(page, 'Send to HR').click();
    await expect.poll(() => heading(page).textContent()).toBe('Report sent');
    const [report] = await reportsOf(hire.id);
    expect(report).toMatchObject({ kind: 'onboarding', hasFaceFrames: false });
    expect(report?.reasons).toContainEqual({
      check: 'face.match',
      message: 'the hire declined the camera check: HR checks the hire in a video call with a person',
    });
    await page.close();
  }, 180_000);

  it('opens the camera step once ticked, and a withdrawal from the home screen deletes HR’s face data', async () => {
    const { hire, page } = await newHireAtConsent('Alan Turing');
    await expect.poll(() => cameraBox(page).isEnabled()).toBe(true);
    await cameraBox(page).check();
    await enrolAndCheck(page, hire.code);
    const frame = page.frameLocator('iframe[title="Camera check"]');
    await frame.getByRole('button', { name: /can’t do this/ }).click();
    await button(page, 'Send to HR').click();
    await expect.poll(() => heading(page).textContent()).toBe('Report sent');
    await button(page, 'Done').click();
    await expect.poll(() => heading(page).textContent()).toMatch(/^You.re enrolled/);
    expect((await api(server.url, 'GET', `/v1/hires/${hire.id}/photo`)).status).toBe(200);

    await button(page, 'Withdraw camera consent').click();
    await button(page, 'Withdraw and delete my face data').click();
    await expect.poll(() => page.getByText('You are checked in a video call with a person').count()).toBe(1);
    expect((await api(server.url, 'GET', `/v1/hires/${hire.id}/photo`)).status).toBe(410);
    const view = await api(server.url, 'GET', `/v1/hires/${hire.id}`);
    expect(view.json.biometricConsentWithdrawnAt).toEqual(expect.any(String));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 180_000);
});
