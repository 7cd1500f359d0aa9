import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole } from '../../../server/auth/people';
import { auditEntries } from '../../support/audit-log';
import { launchProfile } from '../../support/chromium';
import { people, startSso } from '../../support/sso';

/**
 * HR signs in to the dashboard in Chromium (a fresh profile) through a real OpenID provider's
 * own login and consent pages, sees only what the role may do, and signs out of both; a person
 * the allow-list refuses is told why on the sign-in page.
 */
describe('dashboard sign-in through the OpenID provider, in Chromium', () => {
  let sso: Awaited<ReturnType<typeof startSso>>;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    sso = await startSso();
    await assignRole(sso.server.context.db, people.helpdesk.email, 'it-helpdesk', new Date());
    context = await launchProfile({ viewport: { width: 1200, height: 900 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await sso?.close();
  });

  /** From the dashboard's sign-in page through the provider's pages, as `login`. */
  async function signInAs(login: string) {
    await page.goto(`${sso.origin}/dashboard/`);
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
    await page.waitForURL((url) => url.origin === sso.provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === sso.origin);
  }

  it('signs a reviewer in through the provider, showing only what a reviewer may do', async () => {
    await page.goto(`${sso.origin}/dashboard/`);
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).waitFor();
    // The token box stays for automation, behind its own disclosure.
    expect(await page.getByText('Use an API token').count()).toBe(1);
    await signInAs(people.reviewer.id);
    await page.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
    expect(await page.getByText('Signed in as rita@acme.test (reviewer)').count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'New hire' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Linked hires' }).count()).toBe(1);
  });

  it('signs out here and at the provider, back to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === sso.provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === sso.origin);
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/v1/session')).status);
    expect(session).toBe(401);
  });

  it('shows IT helpdesk neither new hires nor linked hires', async () => {
    await signInAs(people.helpdesk.id);
    await page.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
    expect(await page.getByText('Signed in as ivan@acme.test (IT helpdesk)').count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'New hire' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Linked hires' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).waitFor();
  });

  it('lets an HR admin give a person a role on the People page, which they sign in with', async () => {
    await signInAs(people.hr.id);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByLabel('Work email').fill(people.unassigned.email);
    await page.getByLabel('Role').selectOption('it-helpdesk');
    await page.getByRole('button', { name: 'Give this role' }).click();
    await page.getByRole('row', { name: new RegExp(people.unassigned.email) }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('IT helpdesk from their next sign-in');
    const assigned = await auditEntries(sso.server.context, 'role.assign');
    expect(assigned.at(-1)).toMatchObject({
      actor: 'person:alice@acme.test',
      target: people.unassigned.email,
      detail: { role: 'it-helpdesk' },
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();

    await signInAs(people.unassigned.id);
    await page.getByRole('heading', { name: 'Hires', level: 1 }).waitFor();
    expect(await page.getByText('Signed in as nora@acme.test (IT helpdesk)').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('link', { name: 'Sign in with Acme SSO' }).waitFor();
  });

  it('tells a person outside the allowed groups why they cannot sign in', async () => {
    await signInAs(people.sales.id);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Your account is not one allowed to use HireProof');
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
  });
});
