import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityClaims } from '../../../main/contract/identity';
import { fingerprintOf } from '../../../main/identity/fingerprint';
import { launchBrowser } from '../../support/chromium';
import { enrolDevice, identityOf } from '../../support/device-under-test';
import { ADMIN_TOKEN, startTestServer } from '../../support/hr-service';
import { screenshot } from '../../support/screenshots';

/** A laptop of its own, or with another's disk. */
function laptop(serial: string, disk: string) {
  const base = identityOf(serial);
  const claims: IdentityClaims = {
    ...base.claims,
    disks: { value: [disk], source: 'test' },
    macs: {
      value: [`8c:17:59:${serial.slice(-6, -4)}:${serial.slice(-4, -2)}:${serial.slice(-2)}`],
      source: 'test',
    },
  };
  return { ...base, claims, fingerprint: fingerprintOf(claims) };
}

/**
 * HR finds linked hires in Chromium against a real service with farm signals on: two hires whose
 * laptops share a disk, three reporting from one address; the hire page names the other hires and
 * what they share, and the company-wide list shows every link.
 */
describe('linked hires on the HR dashboard', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer('sqlite', { farmSignals: true, runJobs: false });
    const sharedDisk = 'nvme0n1: WDC PC SN730 (20331K801234)';
    const people = [
      { name: 'Ana Lima', serial: 'PF11AA01', disk: sharedDisk, from: '127.0.40.1' },
      { name: 'Ben Okafor', serial: 'PF11AA02', disk: sharedDisk, from: '127.0.1.7' },
      { name: 'Chen Wei', serial: 'PF11AA03', disk: 'nvme0n1: SAMSUNG (S6AA03)', from: '127.0.1.7' },
      { name: 'Dara Singh', serial: 'PF11AA04', disk: 'nvme0n1: SAMSUNG (S6AA04)', from: '127.0.1.7' },
    ];
    for (const person of people) {
      const device = await enrolDevice(server.url, {
        identity: laptop(person.serial, person.disk),
        name: person.name,
        email: `${person.name.split(' ')[0]!.toLowerCase()}@example.com`,
      });
      ids[person.name] = device.hireId;
      expect((await device.postFrom(person.from, (await device.report()).jws)).status).toBe(201);
    }
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      colorScheme: 'light',
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows on a hire page the hires it is linked to, by which signal and what they share', async () => {
    await page.goto(`${server.url}/dashboard/hires/${ids['Ben Okafor']}`);
    await page.getByLabel('HR API token').fill(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ben Okafor', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Linked hires' });
    const rows = section.getByRole('row');
    // A header, Ana (the disk), Dara (the third hire on one address).
    await expect.poll(() => rows.count()).toBe(3);
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('Ana Lima');
    expect(text).toContain('Same hardware');
    expect(text).toContain('disk nvme0n1: WDC PC SN730 (20331K801234)');
    expect(text).toContain('Same place');
    expect(text).toContain('the same client address: 3 hires within 24 h');
    // No network identifier is ever shown.
    expect(text).not.toMatch(/127\.0\./);
    await shot(page, 'linked-hires');
    await section.getByRole('link', { name: 'Ana Lima' }).click();
    await page.getByRole('heading', { name: 'Ana Lima', level: 1 }).waitFor();
    await expect
      .poll(async () => (await page.getByRole('region', { name: 'Linked hires' }).textContent()) ?? '')
      .toContain('Ben Okafor');
    expect(problems).toEqual([]);
  });

  it('lists the newest links across the company', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Linked hires' }).click();
    await page.getByRole('heading', { name: 'Linked hires', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Linked hires, newest first' });
    // Ben–Ana (disk); Dara–Ben and Dara–Chen (one address: 3 hires).
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    expect((await table.textContent()) ?? '').toContain('Dara Singh');
    await shot(page, 'linked-hires-list');
    expect(problems).toEqual([]);
  });

  it('lets HR dismiss a link with a reason, and shows it dismissed on the hire and in the list', async () => {
    await page.goto(`${server.url}/dashboard/hires/${ids['Ben Okafor']}`);
    await page.getByRole('heading', { name: 'Ben Okafor', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Linked hires' });
    const ana = section.getByRole('row').filter({ hasText: 'Ana Lima' });
    await ana.getByText('Dismiss…').click();
    // No reason, no dismissal.
    await ana.getByRole('button', { name: 'Dismiss the link' }).click();
    await expect.poll(async () => (await ana.getByRole('alert').textContent()) ?? '').toContain('Say why');
    await ana.getByLabel('Why is the link with Ana Lima explained?').fill('flatmates, known');
    await ana.getByRole('button', { name: 'Dismiss the link' }).click();
    await expect
      .poll(async () => (await section.getByRole('row').filter({ hasText: 'Ana Lima' }).textContent()) ?? '')
      .toMatch(/Dismissed by .+: “flatmates, known”/);
    // The link with Dara (one address) stands: it can still be dismissed.
    expect(
      await section.getByRole('row').filter({ hasText: 'Dara Singh' }).getByText('Dismiss…').count(),
    ).toBe(1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Linked hires' }).click();
    const table = page.getByRole('table', { name: 'Linked hires, newest first' });
    await expect
      .poll(async () => (await table.getByRole('row').filter({ hasText: 'Ana Lima' }).textContent()) ?? '')
      .toContain('“flatmates, known”');
    expect(problems).toEqual([]);
  });
});

const shot = (page: Page, name: string) => screenshot(page, `dashboard-${name}`);
