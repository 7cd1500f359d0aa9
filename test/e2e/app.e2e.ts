import { mkdtemp, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks as catalogue } from '../../main/checks/catalogue/index';
import { committedFaces } from '../face/face-fixtures';
import { launchProfile } from '../support/chromium';
import { ADMIN_TOKEN, api, createHire, startTestServer } from '../support/hr-service';
import { sysroot } from '../support/sysroots';
import { ServerPolicy } from '../../server/server-policy';
import { portraits, stillPhotoClip } from './face/camera-clips';
import { seriousViolations } from './support/axe';
import { screenshot } from '../support/screenshots';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { openDiagnostics } from '../support/diagnostics-zip';

const HIRE = 'Ana Lima';
const DAY_MS = 86_400_000;

/** Every check in the catalogue runs in the app. */
const CHECKS = catalogue.length;

interface HireReport {
  id: string;
  kind: string;
  verdict: string;
  reasons: { check: string; message: string }[];
  faceStatus: string;
  hasFaceFrames: boolean;
}

/**
 * The renderer in Debian's Chromium against the browser shell (the same IPC contract the preload
 * exposes, to the same main-process services) and the real HR service on SQLite. HR created the
 * hire with an ID photo; Chromium's fake camera holds another photo of the same man up to the
 * camera. The machine is a fixture sysroot behind a symlink, so the test can swap the PiKVM for a
 * clean laptop mid-run; the service's clock can be moved on to make a re-attestation due.
 */
describe('the app in the browser shell, with the HR service', () => {
  let dir = '';
  let machine = '';
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let hire: { id: string; code: string };
  let shell: ShellProcess;
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const plant = async (name: string) => {
    await unlink(machine).catch(() => undefined);
    await symlink(sysroot(name), machine);
  };
  const heading = () => page.locator('h1');
  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });
  const cameraFrame = (): FrameLocator => page.frameLocator('iframe[title="Camera check"]');
  const expectAccessible = async () => expect(await seriousViolations(page)).toEqual([]);
  const reports = async () =>
    (await api(server.url, 'GET', `/v1/hires/${hire.id}`)).json.reports as HireReport[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-e2e-'));
    machine = join(dir, 'machine');
    await plant('pikvm');
    server = await startTestServer('sqlite', {
      // The device asks from the moment a check is reported (the window is the whole week), and
      // no random spot check moves the date.
      policy: ServerPolicy.parse({
        spotCheckDailyChance: 0,
        device: { reattestation: { maxDeferrals: 2, promptHoursBefore: 168 } },
      }),
    });
    hire = await createHire(server.url, {
      name: HIRE,
      email: 'ana.lima@example.com',
      idPhoto: join(committedFaces, portraits.obama1.file),
    });
    const clip = await stillPhotoClip(committedFaces, portraits.obama3, join(dir, 'camera.y4m'));
    shell = await startShellProcess([
      '--server',
      server.url,
      '--data',
      join(dir, 'data'),
      '--sysroot',
      machine,
    ]);
    browser = await launchProfile({ viewport: { width: 1000, height: 800 }, fakeCamera: { clip } });
    page = await browser.newPage();
    // A script error or a CSP refusal anywhere (the page or the camera frame) fails the run.
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    await server?.close();
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
    // The camera check is opt-in: this hire ticks it.
    const camera = page.getByRole('checkbox', { name: /I agree to the camera check/ });
    await expect.poll(() => camera.isEnabled()).toBe(true);
    expect(await camera.isChecked()).toBe(false);
    await camera.check();
    await screenshot(page, 'onboarding-consent');
    await button('Continue').click();

    await expect.poll(() => heading().textContent()).toBe('Your enrolment code');
    await page.getByLabel('Enrolment code').fill('abcd-efgh');
    await button('Enrol this laptop').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('enrolment code looks like');
    await page.getByLabel('Enrolment code').fill(hire.code.toLowerCase());
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
    expect(await reports()).toHaveLength(0);
  });

  it('runs the camera check on the fake camera: a photo held up does not pass the movements', async () => {
    await button('Continue').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Typing and reaction' }).count()).toBe(1);
    // The pills follow the hire past the checks, and the header knows the laptop is enrolled.
    expect(await page.locator('.stepper [aria-current="step"]').textContent()).toBe('Typing');
    expect(await page.locator('.header-note').textContent()).toBe('Enrolled');
    await expectAccessible();
    await screenshot(page, 'onboarding-typing');
    await button('I can’t do timed tasks').click();
    await expect.poll(() => heading().textContent()).toBe('Camera check');
    expect(await page.locator('.stepper [aria-current="step"]').textContent()).toBe('Camera');

    await cameraFrame().getByRole('button', { name: 'Start the camera check' }).click();
    // Mid-check: the preview and the first movement asked for.
    await expect
      .poll(() => cameraFrame().locator('.face-step-progress').textContent(), { timeout: 60_000 })
      .toMatch(/^Step 1 of 3/);
    await expectAccessible();
    await screenshot(page, 'onboarding-camera');
    await expect
      .poll(() => page.getByText('The camera check did not succeed:').count(), { timeout: 90_000 })
      .toBe(1);
    expect(await page.locator('.step .plain-list li').count()).toBeGreaterThan(0);
    await expectAccessible();
    await screenshot(page, 'onboarding-camera-not-passed');
    await button('Send as it is').click();

    await expect.poll(() => heading().textContent()).toBe('Some things need fixing');
    const fix = page.locator('.fix[data-check="display.ipkvm"]');
    await expect.poll(() => fix.textContent()).toContain('PiKVM');
    await expect.poll(() => fix.locator('.fix-how').textContent()).toMatch(/^How to fix: Unplug/);
    expect(await page.locator('.fix[data-check="usb.ipkvm"]').count()).toBe(1);
    expect(await page.locator('.fix').count()).toBe(2);
    await expectAccessible();
    await screenshot(page, 'onboarding-fix');
  }, 180_000);

  it('passes on Re-check once the IP-KVM is gone, and HR verifies the signed report and its face frames', async () => {
    await plant('laptop');
    await button('Re-check').click();
    await expect.poll(() => heading().textContent()).toBe('This laptop passed every check');
    expect(await page.locator('.fix').count()).toBe(0);
    await expectAccessible();
    await screenshot(page, 'onboarding-recheck-passed');

    await button('Send to HR').click();
    await expect.poll(() => heading().textContent()).toBe('Report sent');
    expect(await page.locator('.stepper li.done').count()).toBe(7);
    expect(await page.locator('.header-note').textContent()).toBe('Report sent');
    // The devices are clean, but the movements were not made: a person at HR looks at it.
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('review');
    await expectAccessible();
    await screenshot(page, 'onboarding-submitted');

    const [report] = await reports();
    expect(report).toMatchObject({ kind: 'onboarding', verdict: 'review', hasFaceFrames: true });
    // The hire asked for a person instead of the timed tasks.
    expect(report?.reasons.map((r) => r.check)).toEqual(expect.arrayContaining(['input.cadence']));
    expect(report?.reasons.some((r) => r.check.startsWith('display.') || r.check.startsWith('usb.'))).toBe(
      false,
    );
    // The server re-reads the frames the app captured and matches them to the ID photo itself.
    await expect
      .poll(async () => (await reports())[0]?.faceStatus, { timeout: 60_000, interval: 500 })
      .toBe('done');
    const checked = (await reports())[0];
    expect(checked?.reasons.find((r) => r.check === 'face.match')?.message).toMatch(/server re-check: match/);
    // The app sent the frames of the server's movements; judging them itself, the server refuses a photo's.
    expect(checked?.reasons.find((r) => r.check === 'face.liveness')?.message).toMatch(
      /^server re-check: \d of 3 movements not answered/,
    );
  }, 120_000);

  it('shows HR the verdict and its reasons on the dashboard, and HR approves it', async () => {
    const dashboard = await browser.newPage();
    try {
      await dashboard.goto(`${server.url}/dashboard/`);
      await dashboard.getByLabel('HR API token').fill(ADMIN_TOKEN);
      await dashboard.keyboard.press('Enter');
      await dashboard.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
      await dashboard.getByRole('link', { name: HIRE }).click();
      await dashboard.getByRole('heading', { name: HIRE, level: 1 }).waitFor();
      expect(await dashboard.locator('.badge').first().textContent()).toBe('Needs review');
      const reasons = dashboard.locator('.reasons');
      await expect
        .poll(() => reasons.textContent())
        .toMatch(/server re-check: \d of 3 movements not answered/);
      expect(await reasons.textContent()).toContain('server re-check: match');
      await screenshot(dashboard, 'onboarding-dashboard');
      // HR settles it after a video call: the hire is verified, so the next check is a re-attestation.
      await dashboard.getByLabel('Approve (pass)').check();
      await dashboard.getByLabel('Note').fill('Saw Ana on a video call; the movements were hard for her.');
      await dashboard.getByRole('button', { name: 'Save review' }).click();
      await expect.poll(() => dashboard.locator('.badge').first().textContent()).toBe('Verified');
      await expect
        .poll(async () => (await api(server.url, 'GET', `/v1/hires/${hire.id}`)).json.status)
        .toBe('verified');
    } finally {
      await dashboard.close();
    }
  });

  it('prompts for the next check within the policy window, and "Later" only as often as the policy allows', async () => {
    await page.goto(shell.url);
    await expect.poll(() => heading().textContent()).toBe('Time for your HireProof check');
    await expect
      .poll(() => page.locator('.note').textContent())
      .toBe('You can put it off 2 more times before it is due.');
    await expectAccessible();
    await screenshot(page, 'reattestation-window');
    await button('Later').click();
    // The onboarding report came back "review": the home screen says so, not "all set".
    await expect.poll(() => heading().textContent()).toMatch(/^You.re enrolled/);
    await expect.poll(() => page.getByText(/went to a person at HR for review/).count()).toBe(1);
    await page.reload();
    await expect
      .poll(() => page.locator('.note').textContent())
      .toBe('You can put it off once more before it is due.');
    await button('Later').click();
    await page.reload();
    await expect.poll(() => page.locator('.note').textContent()).toContain('allows no more delays');
    expect(await button('Later').count()).toBe(0);
  });

  it('prompts for the re-attestation once the service says it is overdue, and offers a person instead of the camera', async () => {
    // Eight days on: the due date passes. The device's signed requests carry the real time, so the
    // service's clock stays put and the due date moves back instead.
    await server.context.db
      .updateTable('devices')
      .set({ next_due_at: new Date(Date.now() - DAY_MS).toISOString() })
      .where('hire_id', '=', hire.id)
      .execute();
    await page.goto(shell.url);
    await expect.poll(() => heading().textContent()).toBe('Time for your HireProof check');
    await expect.poll(() => page.locator('.warning').textContent()).toContain('overdue');
    expect(await page.getByText('can no longer be put off').count()).toBe(1);
    expect(await button('Later').count()).toBe(0);
    await expectAccessible();
    await screenshot(page, 'reattestation-prompt');
    await button('Start the check').click();
    await expect.poll(() => heading().textContent()).toBe('Checking this laptop');
    await expect.poll(() => page.getByText(`${CHECKS} of ${CHECKS} checks done`).count()).toBe(1);
    await button('Continue').click();
    await button('I can’t do timed tasks').click();
    await expect.poll(() => heading().textContent()).toBe('Camera check');
    await cameraFrame()
      .getByRole('button', { name: /can’t do this/ })
      .click();
    await expect.poll(() => heading().textContent()).toBe('This laptop passed every check');
    await button('Send to HR').click();
    await expect.poll(() => heading().textContent()).toBe('Report sent');

    const [latest, first] = await reports();
    expect([latest?.kind, first?.kind]).toEqual(['reattestation', 'onboarding']);
    expect(latest?.hasFaceFrames).toBe(false);
    expect(latest?.reasons.find((r) => r.check === 'face.match')?.message).toBe(
      'the hire asked for a human video check',
    );
  }, 120_000);

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
    // The app holds no face template to leak: the server alone matches faces.
    expect(await readFile(join(dir, 'data', 'enrolment.json'), 'utf8')).not.toMatch(/descriptor|template/i);
    const files = openDiagnostics(new Uint8Array(await readFile(saved)), [HIRE]);
    expect(files['status.json']).toMatchObject({ enrolled: true, hireName: '<hire>' });
    const checks = files['checks.json'] as { checks: { id: string }[] };
    expect(checks.checks).toHaveLength(CHECKS);
  });

  it('copies a ticket summary', async () => {
    await button('Copy summary').click();
    const summary = await page.getByLabel('Summary for a ticket').inputValue();
    expect(summary).toContain('Enrolled: yes');
    expect(summary).toMatch(/Device checks: (PASS|FAIL)/);
    expect(summary).not.toContain(HIRE);
    expect(problems).toEqual([]);
  });
});

describe('the accessibility harness', () => {
  /** Serves `pages` from one http origin (axe reaches into same-origin frames only), and runs axe on '/'. */
  const violationsIn = async (pages: Record<string, string>) => {
    const browser = await launchProfile({ viewport: { width: 1000, height: 800 } });
    try {
      const page = await browser.newPage();
      await page.route('http://a11y.test/**', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: pages[new URL(route.request().url()).pathname] ?? '',
        }),
      );
      await page.goto('http://a11y.test/');
      for (const frame of page.mainFrame().childFrames()) await frame.locator('input').waitFor();
      return (await seriousViolations(page)).map((v) => v.id);
    } finally {
      await browser.close();
    }
  };
  const doc = (body: string) =>
    `<!doctype html><html lang="en"><title>t</title><main><h1>t</h1>${body}</main>`;

  it('does report a serious violation when one is planted (so a clean result means something)', async () => {
    expect(await violationsIn({ '/': doc('<input type="text">') })).toEqual(['label']);
  });

  it('looks inside frames, where the camera step lives', async () => {
    const pages = {
      '/': doc('<iframe title="inner" src="/inner"></iframe>'),
      '/inner': doc('<input type="text">'),
    };
    expect(await violationsIn(pages)).toEqual(['label']);
  });
});
