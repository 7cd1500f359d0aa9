import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, startTestServer } from '../../support/hr-service';

/** Dashboard sign-in: a token buys an httpOnly session cookie; the page asks who is signed in. */
describe('dashboard sessions', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
  });
  afterAll(async () => server?.close());

  it('says who is signed in with the cookie, and no one after sign-out', async () => {
    const signIn = await api(
      server.url,
      'POST',
      '/v1/session',
      { token: ADMIN_TOKEN },
      { authorization: '' },
    );
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(signIn.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    const who = await api(server.url, 'GET', '/v1/session', undefined, { authorization: '', cookie });
    expect(who.json).toEqual({ actor: 'session:bootstrap', role: 'hr-admin', emailsHires: false });
    await api(server.url, 'DELETE', '/v1/session', undefined, { authorization: '', cookie });
    const after = await api(server.url, 'GET', '/v1/session', undefined, { authorization: '', cookie });
    expect([after.status, after.json.error?.code]).toEqual([401, 'auth.session-expired']);
    const no = await api(server.url, 'GET', '/v1/session', undefined, { authorization: '' });
    expect([no.status, no.json.error?.code]).toEqual([401, 'auth.required']);
  });
});
