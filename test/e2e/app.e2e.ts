import { mkdtemp, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks as catalogue } from '../../main/checks/catalogue/index';
import { sysroot } from '../support/sysroots';
import { startHrStandIn, type HrStandIn } from '../support/hr-stand-in';
import { seriousViolations } from './support/axe';
import { launchProfile } from '../support/chromium';
import { screenshot } from './support/screenshots';
import { startShellProcess, type ShellProcess } from './support/shell-process';

const CODE = 'ABCD-EFGH-JKMN-PQRS';
const HIRE = 'Ada Lovelace';
// A recognisable reference descriptor: the export must never contain it.
const DESCRIPTOR = Array.from({ length: 128 }, (_, i) => Number((0.0123456 + i / 1000).toFixed(7)));

/** Every check in the catalogue runs in the app. */
const CHECKS = catalogue.length;

/**
 * The renderer in Debian's Chromium against the browser shell (the same IPC contract the preload
 * exposes, to the same main-process services) and an HR service over real HTTP. The machine is a
 * fixture sysroot behind a symlink, so the test can swap the PiKVM for a clean laptop mid-run.
 */
describe('the app in the browser shell', () => {
  let dir = '';
  let machine = '';
  let hr: HrStandIn;
  let shell: ShellProcess;
  let browser: BrowserContext;
  let page: Page;

  const plant = async (name: string) => {
    await unlink(machine).catch(() => undefined);
    await symlink(sysroot(name), machine);
  };
  const heading = () => page.locator('h1');
  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });
  const expectAccessible = async () => expect(await seriousViolations(page)).toEqual([]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-e2e-'));
    machine = join(dir, 'machine');
    await plant('pikvm');
    hr = await startHrStandIn({ name: HIRE, code: CODE, faceDescriptor: DESCRIPTOR });
    shell = await startShellProcess(['--server', hr.url, '--data', join(dir, 'data'), '--sysroot', machine]);
    browser = await launchProfile({ viewport: { width: 1000, height: 800 } });
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    await hr?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('walks a new hire from welcome to the device checks, with live per-check progress', async () => {
    await page.goto(shell.url);
    await expect.poll(() => heading().textContent()).toBe('Welcome to your first day');
    await expectAccessible();
    await screenshot(page, 'onboarding-welcome');
    await button('Start').click();

    await expect.poll(() => heading().textContent()).toBe('Before we start');
    await expectAccessible();
    await screenshot(page, 'onboarding-consent');
    await button('I agree, continue').click();

    await expect.poll(() => heading().textContent()).toBe('Your enrolment code');
    await page.getByLabel('Enrolment code').fill('abcd-efgh');
    await button('Enrol this laptop').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('enrolment code looks like');
    await page.getByLabel('Enrolment code').fill(CODE.toLowerCase());
    await expectAccessible();
    await screenshot(page, 'onboarding-code');

    // Record the progress events the page receives while the checks run.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progress: string[] }).progress = seen;
      window.hireproof?.onCheckProgress((e) =>
        seen.push(`${e.type} ${e.type === 'start' ? e.id : e.result.id}`),
      );
    });
    await button('Enrol this laptop').click();
    await expect.poll(() => heading().textContent()).toBe('Checking this laptop');
    await expect.poll(() => page.getByText(`${CHECKS} of ${CHECKS} checks done`).count()).toBe(1);
    const progress = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
    expect(progress.filter((p) => p.startsWith('start '))).toHaveLength(CHECKS);
    expect(progress.filter((p) => p.startsWith('done '))).toHaveLength(CHECKS);
    // Each check reports its start before its end.
    for (const p of progress.filter((e) => e.startsWith('done ')))
      expect(progress.indexOf(p.replace('done', 'start'))).toBeLessThan(progress.indexOf(p));
    await expect.poll(() => page.locator('[data-check="display.ipkvm"] .badge').textContent()).toBe('Failed');
    await expect.poll(() => page.locator('[data-check="remote.tools"] .badge').textContent()).toBe('Passed');
    await expectAccessible();
    await screenshot(page, 'onboarding-checks');
    expect(hr.reports).toHaveLength(0);
  });

  it('passes through the typing step (by its way out) and the camera slot, then shows the failing checks with their fixes', async () => {
    await button('Continue').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Typing and reaction' }).count()).toBe(1);
    await button('I can’t do timed tasks').click();
    await expect.poll(() => heading().textContent()).toBe('Camera check');
    await button('Continue').click();

    await expect.poll(() => heading().textContent()).toBe('Some things need fixing');
    const fix = page.locator('.fix[data-check="display.ipkvm"]');
    await expect.poll(() => fix.textContent()).toContain('PiKVM');
    await expect.poll(() => fix.locator('.fix-how').textContent()).toMatch(/^How to fix: Unplug/);
    expect(await page.locator('.fix[data-check="usb.ipkvm"]').count()).toBe(1);
    expect(await page.locator('.fix').count()).toBe(2);
    await expectAccessible();
    await screenshot(page, 'onboarding-fix');
  });

  it('passes on Re-check once the IP-KVM is gone, and submits a signed report HR verifies', async () => {
    await plant('laptop');
    await button('Re-check').click();
    await expect.poll(() => heading().textContent()).toBe('This laptop passed every check');
    expect(await page.locator('.fix').count()).toBe(0);
    await expectAccessible();
    await screenshot(page, 'onboarding-recheck-passed');

    await button('Send to HR').click();
    await expect.poll(() => heading().textContent()).toBe('Report sent');
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('pass');
    expect(hr.reports).toEqual([
      expect.objectContaining({ verdict: 'pass', kind: 'onboarding', hasFace: false }),
    ]);
    await expectAccessible();
    await screenshot(page, 'onboarding-submitted');
  });

  it('prompts for the re-attestation the server says is overdue', async () => {
    hr.setOverdue(true);
    await page.goto(shell.url);
    await expect.poll(() => heading().textContent()).toBe('Time for your HireProof check');
    await expect.poll(() => page.locator('.warning').textContent()).toContain('overdue');
    await expectAccessible();
    await screenshot(page, 'reattestation-prompt');
    await button('Start the check').click();
    await expect.poll(() => heading().textContent()).toBe('Checking this laptop');
    await expect.poll(() => page.getByText(`${CHECKS} of ${CHECKS} checks done`).count()).toBe(1);
    await button('Continue').click();
    await button('I can’t do timed tasks').click();
    await button('Continue').click();
    await button('Send to HR').click();
    await expect.poll(() => heading().textContent()).toBe('Report sent');
    expect(hr.reports.map((r) => r.kind)).toEqual(['onboarding', 'reattestation']);
  });

  it('gives IT the raw evidence, re-runs one check, and exports a redacted zip with no face data', async () => {
    await plant('pikvm');
    await page.goto(`${shell.url}#/helpdesk`);
    await expect.poll(() => heading().textContent()).toBe('Helpdesk');
    const display = page.locator('[data-check="display.ipkvm"]');
    await expect.poll(() => display.locator('.badge').textContent()).toBe('Failed');
    await display.locator('summary').click();
    await expect.poll(() => display.locator('table.evidence').textContent()).toContain('LNX');
    await expect.poll(() => page.locator('.facts').textContent()).toMatch(/Device key[0-9A-Za-z_-]{43}/);

    await plant('laptop');
    await display.getByRole('button', { name: /^Re-run / }).click();
    await expect.poll(() => display.locator('.badge').first().textContent()).toBe('Passed');
    await expectAccessible();
    await screenshot(page, 'helpdesk');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible();
    await screenshot(page, 'helpdesk-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button('Export diagnostics').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hireproof-diagnostics-.*\.zip$/);
    const saved = join(dir, 'diagnostics.zip');
    await download.saveAs(saved);
    const files = unzipSync(new Uint8Array(await readFile(saved)));
    expect(Object.keys(files).sort()).toEqual([
      'checks.json',
      'identity.json',
      'manifest.json',
      'outbox.json',
      'status.json',
    ]);
    const text = Object.values(files)
      .map((file) => strFromU8(file))
      .join('\n');
    expect(text).not.toContain(String(DESCRIPTOR[5]));
    expect(text).not.toMatch(/faceDescriptor|"frames"|"face"|\/9j\//);
    expect(text).not.toContain(HIRE);
    const status = JSON.parse(strFromU8(files['status.json'] as Uint8Array)) as {
      hireName: string;
      enrolled: boolean;
    };
    expect(status).toMatchObject({ enrolled: true, hireName: '<hire>' });
    const checks = JSON.parse(strFromU8(files['checks.json'] as Uint8Array)) as { checks: { id: string }[] };
    expect(checks.checks).toHaveLength(CHECKS);
  });

  it('copies a ticket summary', async () => {
    await button('Copy summary').click();
    const summary = await page.getByLabel('Summary for a ticket').inputValue();
    expect(summary).toContain('Enrolled: yes');
    expect(summary).toMatch(/Device checks: (PASS|FAIL)/);
    expect(summary).not.toContain(HIRE);
  });
});

describe('the accessibility harness', () => {
  it('does report a serious violation when one is planted (so a clean result means something)', async () => {
    const browser = await launchProfile({ viewport: { width: 1000, height: 800 } });
    try {
      const page = await browser.newPage();
      await page.setContent('<main><h1>t</h1><input type="text"><img src="x.png"></main>');
      const ids = (await seriousViolations(page)).map((v) => v.id);
      expect(ids).toContain('label');
    } finally {
      await browser.close();
    }
  });
});
