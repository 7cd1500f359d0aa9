import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionInfo } from '../../../main/contract/hr-api';
import { defaultServerPolicy } from '../../../server/server-policy';
import { launchBrowser } from '../../support/chromium';
import { enrolWithCode } from '../../support/enrol-with-code';
import { ADMIN_TOKEN, api, startTestServer } from '../../support/hr-service';
import { startMailServer } from '../../support/mail-server';

/**
 * HR on a hire's page in Chromium, against a real service and SMTP server: what the mail server
 * answered to each invitation, a new code emailed, a new code shown once instead, a laptop
 * replaced (its device shown revoked).
 */
describe('a hire’s email and enrolment on the HR dashboard', () => {
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let hireId = '';
  let firstCode = '';

  beforeAll(async () => {
    mail = await startMailServer({ 'bounced@example.com': 'refuse' });
    server = await startTestServer('sqlite', {
      runJobs: false,
      smtpUrl: mail.url,
      policy: {
        ...defaultServerPolicy,
        invitations: {
          from: 'hr@example.com',
          downloadUrl: 'https://downloads.example.com/hireproof',
          serviceUrl: 'http://127.0.0.1:1/',
          company: 'Example Ltd',
        },
      },
    });
    const idPhoto = (await readFile('test/fixtures/faces/obama/1.jpg')).toString('base64');
    const created = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto,
      externalId: 'WD-77',
    });
    hireId = String(created.json.id);
    firstCode = String(created.json.code);
    await server.jobs.drain();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mail?.close();
  });

  const mailRows = () => page.getByRole('region', { name: 'Email to the hire' }).getByRole('row');

  it('shows the invitation the mail server accepted, with its answer, and the employee id', async () => {
    await page.goto(`${server.url}/dashboard/hires/${hireId}`);
    await page.getByLabel('HR API token').fill(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ana Lima', level: 1 }).waitFor();
    expect(await page.getByText('WD-77').count()).toBe(1);
    await expect.poll(() => mailRows().count()).toBe(2);
    const row = (await mailRows().nth(1).textContent()) ?? '';
    expect(row).toContain('invitation');
    expect(row).toContain('accepted by the mail server');
    expect(row).toMatch(/250 /);
    // The session says the service emails hires: that is why the page offers to.
    const session: unknown = await page.evaluate(async () => (await fetch('/v1/session')).json() as unknown);
    expect(SessionInfo.parse(session).emailsHires).toBe(true);
  });

  it('emails a new code: the announcement says so, and the old code no longer enrols', async () => {
    await page.getByRole('button', { name: 'New enrolment code' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('emailed to ana@example.com');
    expect(await page.getByTestId('enrolment-code').count()).toBe(0);
    await server.jobs.drain();
    await page.reload();
    await expect.poll(() => mailRows().count()).toBe(3);
    expect(mail.to('ana@example.com')).toHaveLength(2);
    const stale = await enrolWithCode(server.url, firstCode);
    expect(stale.answer.json.error?.code).toBe('code.voided');
  });

  it('shows a new code once when HR passes it on, and replaces the laptop', async () => {
    await page.getByLabel('Email the new code to ana@example.com').uncheck();
    await page.getByRole('button', { name: 'New enrolment code' }).click();
    const code = (await page.getByTestId('enrolment-code').textContent({ timeout: 10_000 })) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(mail.to('ana@example.com')).toHaveLength(2);
    expect((await enrolWithCode(server.url, code)).answer.status).toBe(201);

    await page.reload();
    await page.getByLabel('Email the new code to ana@example.com').uncheck();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Replace device' }).click();
    await expect.poll(() => page.getByText(/revoked/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('enrolment-code').textContent()).not.toBe(code);
    expect(problems).toEqual([]);
  });
});

/** Without a mail server, a new code can only be shown once: the page does not offer to email it. */
describe('a hire’s new code on a service with no mail server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the code once, with no email box to tick', async () => {
    const idPhoto = (await readFile('test/fixtures/faces/obama/1.jpg')).toString('base64');
    const created = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto,
    });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/dashboard/hires/${String(created.json.id)}`);
    await page.getByLabel('HR API token').fill(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ana Lima', level: 1 }).waitFor();
    expect(await page.getByLabel(/Email the new code/).count()).toBe(0);
    await page.getByRole('button', { name: 'New enrolment code' }).click();
    const code = (await page.getByTestId('enrolment-code').textContent({ timeout: 10_000 })) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
