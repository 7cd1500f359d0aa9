import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/hr-service';

/** The page and its files come from the service itself, under its strict CSP (built by test setup). */
describe('the dashboard page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
  });
  afterAll(async () => server?.close());

  it('sends / to the dashboard, and answers every dashboard address with the one page', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/dashboard/');
    for (const path of [
      '/dashboard',
      '/dashboard/',
      '/dashboard/hires/new',
      `/dashboard/hires/${crypto.randomUUID()}`,
    ]) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('<script type="module" src="/dashboard/assets/app.js"></script>');
      expect(html).not.toMatch(/<script>|<style|style="/);
    }
  });

  it('serves its script and styles as files, under a CSP that allows nothing inline', async () => {
    const page = await fetch(`${server.url}/dashboard/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const script = await fetch(`${server.url}/dashboard/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(10_000);
    const styles = await fetch(`${server.url}/dashboard/assets/app.css`);
    expect(styles.headers.get('content-type')).toContain('text/css');
    expect(await styles.text()).toContain('prefers-color-scheme:dark');
    const missing = await fetch(`${server.url}/dashboard/assets/nope.js`);
    expect(missing.status).toBe(404);
    const escape = await fetch(`${server.url}/dashboard/assets/..%2F..%2Fpackage.json`);
    expect([403, 404]).toContain(escape.status);
  });

  it('says how to build the page when it is not built, and the API still answers', async () => {
    const unbuilt = await startTestServer('sqlite', {
      runJobs: false,
      dashboardDir: await mkdtemp(join(tmpdir(), 'no-dashboard-')),
    });
    try {
      const page = await fetch(`${unbuilt.url}/dashboard/`);
      expect(page.status).toBe(503);
      const body = (await page.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('dashboard.not-built');
      expect(body.error.message).toContain('npm run build:dashboard');
      expect((await fetch(`${unbuilt.url}/healthz`)).status).toBe(200);
    } finally {
      await unbuilt.close();
    }
  });
});
