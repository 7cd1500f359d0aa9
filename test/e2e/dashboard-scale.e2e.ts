import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, type SeededHire } from '../../bench/scale/seed';
import { HirePage, StatusCounts } from '../../main/contract/hr-api';
import { launchBrowser } from '../support/chromium';
import { ADMIN_TOKEN, api, startTestServer } from '../support/hr-service';
import { seriousViolations } from './support/axe';

const HIRES = 100_000;
const NOW = new Date('2027-03-01T12:00:00.000Z');

/**
 * HR's dashboard on a company of 100,000 hires (written straight into the database, each with a
 * few reports): the counts, the list a page at a time, the status filter, the search, the counts
 * as links and the Back button, in Debian's Chromium against the real service.
 */
describe('the HR dashboard on 100,000 hires', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let hires: SeededHire[];
  const problems: string[] = [];

  beforeAll(async () => {
    // The service serves the dashboard from its bundle (the unit suite's set-up builds it too).
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
    server = await startTestServer('sqlite', { runJobs: false, now: () => NOW });
    hires = await seedCompany(server.context.db, {
      hires: HIRES,
      reportsPerHire: 0.6,
      payloadOf: ({ reportId }) => JSON.stringify({ reportId, checks: { checks: [] }, serverChecks: [] }),
      now: NOW,
      batch: 1_000,
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${server.url}/dashboard/`);
    await page.getByLabel('HR API token').fill(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rows = () => page.locator('table.hires tbody tr');
  const names = () => rows().locator('th').allTextContents();
  const apiPage = async (query: string) =>
    HirePage.parse((await api(server.url, 'GET', `/v1/hires?${query}`)).json);
  const pager = () => page.getByRole('navigation', { name: 'Pages of hires' });

  it('shows how many hires stand where, and the newest 50', async () => {
    const counts = StatusCounts.parse((await api(server.url, 'GET', '/v1/stats/hires')).json);
    expect(counts.total).toBe(HIRES);
    await expect.poll(() => page.getByText('100,000 hires in all.').count()).toBe(1);
    for (const [label, status] of [
      ['Needs review', 'review'],
      ['Failed', 'failed'],
      ['Overdue', 'overdue'],
      ['Verified', 'verified'],
      ['Enrolled', 'enrolled'],
      ['Invited', 'invited'],
    ] as const) {
      const shown = await page
        .locator('.count', { has: page.getByText(label, { exact: true }) })
        .locator('.count-number')
        .textContent();
      expect(Number(shown), label).toBe(counts[status]);
      expect(counts[status], label).toBeGreaterThan(0);
    }
    await expect.poll(() => rows().count()).toBe(50);
    expect(await names()).toEqual((await apiPage('limit=50')).hires.map((h) => h.name));
    expect(await pager().textContent()).toContain('Page 1: hires 1–50');
  });

  it('pages forward and back', async () => {
    const first = await names();
    const second = await apiPage(`cursor=${(await apiPage('limit=50')).next}`);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pager().textContent()).toContain('Page 2: hires 51–100');
    expect(await names()).toEqual(second.hires.map((h) => h.name));
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pager().textContent()).toContain('Page 3: hires 101–150');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => pager().textContent()).toContain('Page 1: hires 1–50');
    expect(await names()).toEqual(first);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
  });

  it('filters by status, in the address, and Back undoes it', async () => {
    await page.getByLabel('Status').selectOption('overdue');
    await page.getByRole('button', { name: 'Show hires' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=overdue');
    await page.getByRole('heading', { name: 'Hires: Overdue' }).waitFor();
    await expect
      .poll(async () => (await names()).join('|'))
      .toBe((await apiPage('status=overdue&limit=50')).hires.map((h) => h.name).join('|'));
    const badges = await rows().locator('.badge').allTextContents();
    expect(badges).toHaveLength(50);
    expect(new Set(badges)).toEqual(new Set(['Overdue']));
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pager().textContent()).toContain('Page 2');
    expect(new Set(await rows().locator('.badge').allTextContents())).toEqual(new Set(['Overdue']));

    // A count is a link to those hires.
    await page.locator('.count-failed a').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=failed');
    await expect
      .poll(async () => new Set(await rows().locator('.badge').allTextContents()))
      .toEqual(new Set(['Failed']));
    expect(await page.locator('.count-failed a').getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=overdue');
    await page.getByRole('heading', { name: 'Hires: Overdue' }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('overdue');
  });

  it('finds one hire among 100,000 by part of the email, and opens it', async () => {
    const one = hires[73_421]!;
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    const search = page.getByLabel('Name or email');
    await search.fill(one.email.slice(0, -'@example.com'.length).toUpperCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => names()).toEqual([one.name]);
    expect(await pager().textContent()).toContain('Page 1: hires 1–1');
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: one.name }).click();
    await page.getByRole('heading', { name: one.name, level: 1 }).waitFor();
    expect(await page.locator('.timeline > li').count()).toBe(Math.min(one.reports.length, 20));

    await page.goto(`${server.url}/dashboard/?q=${encodeURIComponent('no such person')}`);
    await page.getByText('No hires match.').waitFor();
  });

  it('meets the accessibility rules on the big list, with no script errors', async () => {
    await page.goto(`${server.url}/dashboard/?status=verified`);
    await expect.poll(() => rows().count()).toBe(50);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
