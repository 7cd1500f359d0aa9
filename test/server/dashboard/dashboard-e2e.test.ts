import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../support/chromium';
import { ASTRONAUT, astronautHead } from '../../support/live-face';
import { attestWithCli, attestWithFace, enrolAsApp, enrolWithCli } from '../../support/hr-device';
import { ADMIN_TOKEN, api, startTestServer } from '../../support/hr-service';
import { screenshot } from '../../support/screenshots';

// Ana's ID photo: the portrait the turning head is made of, so her camera step can pass.
const ID_PHOTO = ASTRONAUT;
const shot = (page: Page, name: string) => screenshot(page, `dashboard-${name}`);

/**
 * HR's day in Chromium against a real service: sign in, create a hire through the form and see its
 * code once, devices enrol and attest with the real CLI, verdicts and reasons on the dashboard, face
 * frames beside the ID photo, a review approved with a note, and the audit trail showing it.
 */
describe('the HR dashboard in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const hires: Record<string, string> = {};
  let code = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    // Any script error or CSP refusal (an inline script or style would be one) fails the run.
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for a token, refuses a wrong one, and signs in from the keyboard', async () => {
    await page.goto(server.url);
    expect(new URL(page.url()).pathname).toBe('/dashboard/');
    const token = page.getByLabel('HR API token');
    await expect.poll(() => token.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('hp_wrong-token');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That token is not valid');
    await shot(page, 'sign-in');
    await token.fill('');
    await page.keyboard.type(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
    expect(await page.getByText('Signed in as bootstrap').count()).toBe(1);
    // The first Tab stop is the skip link, so keyboard users reach the content in one step.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  });

  it('creates a hire through the form and shows its code once, with the expiry', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New hire' }).click();
    await page.getByRole('heading', { name: 'New hire' }).waitFor();
    const unlabelled = await page.$$eval('input, textarea', (fields) =>
      fields.filter((f) => (f as HTMLInputElement).labels?.length === 0).map((f) => f.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.getByLabel('Full name').fill('Ana Lima');
    await page.getByLabel('Work email').fill('ana.lima@example.com');
    await page.getByLabel('Serial number').fill('PF2XK7LM');
    await page.getByLabel('Asset tag').fill('IT-0042');
    await page.getByLabel('ID photo').setInputFiles(ID_PHOTO);
    await shot(page, 'new-hire');
    await page.getByRole('button', { name: 'Create hire' }).click();
    const heading = page.getByRole('heading', { name: 'Enrolment code for Ana Lima' });
    await heading.waitFor({ timeout: 30_000 });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    code = (await page.getByTestId('enrolment-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    const expiry = await page.locator('.code-once time').getAttribute('datetime');
    expect(Date.parse(expiry ?? '') - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await page.getByText('Shown once.').count()).toBe(1);
    await shot(page, 'code-once');

    await page.getByRole('link', { name: 'Open Ana Lima' }).click();
    await page.getByRole('heading', { name: 'Ana Lima', level: 1 }).waitFor();
    hires.ana = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(await page.locator('.badge').first().textContent()).toBe('Invited');
    await page.goBack();
    await page.getByRole('heading', { name: 'New hire' }).waitFor();
    expect(await page.content()).not.toContain(code);
  });

  it('shows the verdicts the CLI and the app reported, with reasons and face frames beside the ID photo', async () => {
    const idPhoto = (await readFile(ID_PHOTO)).toString('base64');
    const create = async (name: string, email: string) => {
      const hire = await api(server.url, 'POST', '/v1/hires', { name, email, idPhoto });
      hires[name] = String(hire.json.id);
      return String(hire.json.code);
    };
    const ana = await enrolAsApp(server.url, code, 'laptop');
    const anaMdm = await api(server.url, 'POST', `/v1/hires/${hires.ana}/device-check-codes`);
    const anaCli = await enrolWithCli(server.url, String(anaMdm.json.code), 'laptop');
    expect((await attestWithCli(anaCli, 'laptop')).verdict).toBe('pass');
    const withFace = await attestWithFace(ana, 'laptop', await astronautHead(server.context.faces));
    const bo = await enrolWithCli(server.url, await create('Bo Chen', 'bo.chen@example.com'), 'pikvm');
    expect((await attestWithCli(bo, 'pikvm')).verdict).toBe('fail');
    const cy = await enrolWithCli(server.url, await create('Cy Diaz', 'cy.diaz@example.com'), 'vpn');
    expect((await attestWithCli(cy, 'vpn')).verdict).toBe('review');
    await create('Dee Evans', 'dee.evans@example.com');
    // The server re-checks the face and re-judges every movement off the request path; wait for it.
    await expect
      .poll(
        async () => {
          const hire = await api(server.url, 'GET', `/v1/hires/${hires.ana}`);
          return (hire.json.reports as { id: string; faceStatus: string }[]).find(
            (r) => r.id === withFace.reportId,
          )?.faceStatus;
        },
        { timeout: 150_000, interval: 500 },
      )
      .toBe('done');

    await page.goto(`${server.url}/dashboard/`);
    await page.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
    const count = (label: string) =>
      page
        .locator('.count', { has: page.getByText(label, { exact: true }) })
        .locator('.count-number')
        .textContent();
    await expect.poll(() => count('Verified')).toBe('1');
    expect(await count('Needs review')).toBe('1');
    expect(await count('Failed')).toBe('1');
    expect(await count('Invited')).toBe('1');
    expect(await count('Overdue')).toBe('0');
    const chart = page.getByRole('img', { name: /Verdicts per day/ });
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.locator('.legend').textContent()).toBe('Pass 2Review 1Fail 1');
    expect(await page.locator('.chart-svg rect').count()).toBe(3);
    await shot(page, 'overview');

    await page.getByRole('link', { name: 'Bo Chen' }).click();
    await page.getByRole('heading', { name: 'Bo Chen', level: 1 }).waitFor();
    const reasons = page.locator('.reasons');
    await expect.poll(() => reasons.textContent()).toContain('display.ipkvm');
    expect(await reasons.textContent()).toContain('usb.ipkvm');
    expect(await reasons.getByRole('table').count()).toBeGreaterThan(0);
    // Each report's checks and their evidence are fetched when HR asks for them.
    expect(await page.locator('.check').count()).toBe(0);
    await page.getByRole('button', { name: 'Show every check' }).click();
    await page.getByRole('heading', { name: /All \d+ checks/ }).waitFor();
    expect(await page.locator('.check-fail').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'hire-failed');

    await page.goto(`${server.url}/dashboard/hires/${hires.ana}`);
    await page.getByRole('heading', { name: 'Ana Lima', level: 1 }).waitFor();
    expect(await page.locator('.timeline > li').count()).toBe(2);
    await page.getByRole('button', { name: 'Show face frames beside the ID photo' }).click();
    const faces = page.getByRole('group', { name: 'ID photo and face frames' });
    await faces.waitFor();
    for (const name of ['ID photo on file', 'Face frame 1 from the app']) {
      const image = faces.getByRole('img', { name });
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true);
    }
    expect(await page.locator('.reasons').textContent()).toContain('server re-check: match');
    await shot(page, 'hire-faces');
  }, 240_000);

  it('approves a review with a note from the keyboard, and the audit trail shows it', async () => {
    await page.goto(`${server.url}/dashboard/hires/${hires['Cy Diaz']}`);
    await page.getByRole('heading', { name: 'Cy Diaz', level: 1 }).waitFor();
    expect(await page.locator('.reasons').textContent()).toContain('network.tunnel');
    await page.getByLabel('Approve (pass)').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Company VPN (WireGuard), confirmed with IT.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Reviewed by session:bootstrap').waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Review saved: the report is now pass.',
    );
    // An approved device-only check clears the review but cannot verify the hire: that takes their face.
    expect(await page.locator('.badge').first().textContent()).toBe('Enrolled');
    const trail = page.getByRole('table', { name: 'Audit trail' });
    await expect
      .poll(() => trail.locator('tbody tr', { hasText: 'report.review.pass' }).textContent())
      .toContain('note: Company VPN (WireGuard), confirmed with IT.');
    await shot(page, 'review');
  });

  it('reads the same in dark mode', async () => {
    const dark = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'dark' });
    await dark.addCookies(await context.cookies());
    const darkPage = await dark.newPage();
    await darkPage.goto(`${server.url}/dashboard/`);
    await darkPage.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
    await darkPage.locator('.chart-svg').waitFor();
    const background = await darkPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 19, 24)');
    await shot(darkPage, 'overview-dark');
    await dark.close();
  });

  it('signs out, and the page asks for a token again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('HR API token').waitFor();
    await page.goto(`${server.url}/dashboard/`);
    await page.getByLabel('HR API token').waitFor();
    const hire = await page.evaluate(async (id) => (await fetch(`/v1/hires/${id}`)).status, hires.ana);
    expect(hire).toBe(401);
    expect(problems).toEqual([]);
  });
});
