import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole } from '../../../server/auth/people';
import { auditEntries } from '../../support/audit-log';
import { FormBrowser } from '../../support/form-browser';
import { ServerPolicy } from '../../../server/server-policy';
import { startTestServer, storages } from '../../support/hr-service';
import { OTHER_CLIENT, OTHER_REDIRECT, people, startSso } from '../../support/sso';

/**
 * Dashboard sign-in through a real OpenID provider (oidc-provider on 127.0.0.1), over real HTTP:
 * the provider's own login and consent pages, the HR service's callback, and what it refuses.
 */
describe.each(storages)('sign-in with an OpenID provider, on %s', (storage) => {
  let sso: Awaited<ReturnType<typeof startSso>>;

  beforeAll(async () => {
    sso = await startSso(storage);
    await assignRole(sso.server.context.db, people.helpdesk.email, 'it-helpdesk', new Date());
    // A group's role wins over one HR assigned: Rita stays a reviewer.
    await assignRole(sso.server.context.db, people.reviewer.email, 'hr-admin', new Date());
  });
  afterAll(async () => sso?.close());

  /** Starts a sign-in at the HR service: the browser is sent to the provider. */
  async function begin(browser: FormBrowser) {
    const started = await browser.get(`${sso.origin}/v1/session/oidc`);
    expect(started.status).toBe(302);
    return new URL(started.headers.get('location')!);
  }

  /** A whole sign-in as `login`: where the HR service sends the browser in the end. */
  async function signIn(browser: FormBrowser, login: string) {
    const authorization = await begin(browser);
    const callback = await browser.signInAtProvider(authorization.href, login, sso.origin);
    const landed = await browser.get(callback);
    expect(landed.status).toBe(302);
    return { callback, landing: new URL(landed.headers.get('location')!, sso.origin) };
  }

  const who = async (browser: FormBrowser) => {
    const response = await browser.get(`${sso.origin}/v1/session`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('offers the provider by name on the sign-in page', async () => {
    const options = await fetch(`${sso.origin}/v1/session/options`);
    expect(await options.json()).toEqual({ oidc: { providerName: 'Acme SSO' } });
  });

  it('asks the provider with PKCE, state and nonce, and opens a session for the person it vouches for', async () => {
    const browser = new FormBrowser();
    const authorization = await begin(browser);
    expect(authorization.origin).toBe(sso.provider.issuer);
    expect(authorization.searchParams.get('client_id')).toBe('hireproof');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce'])
      expect(authorization.searchParams.get(p)).toMatch(/^\S{22,}$/);
    const callback = await browser.signInAtProvider(authorization.href, people.hr.id, sso.origin);
    const landed = await browser.get(callback);
    expect(landed.headers.get('location')).toBe('/dashboard/');
    expect(await who(browser)).toEqual({
      status: 200,
      body: { actor: 'person:alice@acme.test', role: 'hr-admin', emailsHires: false },
    });
    const started = await auditEntries(sso.server.context, 'session.start');
    expect(started.at(-1)).toMatchObject({
      actor: 'person:alice@acme.test',
      detail: { role: 'hr-admin', subject: 'alice', issuer: sso.provider.issuer, roleFrom: 'group' },
    });
    // What she does is audited as her.
    const hires = await browser.get(`${sso.origin}/v1/hires`);
    expect(hires.status).toBe(200);
    expect((await auditEntries(sso.server.context, 'hire.list')).at(-1)?.actor).toBe(
      'person:alice@acme.test',
    );

    const out = await browser.request(`${sso.origin}/v1/session`, { method: 'DELETE' });
    const { logoutUrl } = (await out.json()) as { logoutUrl: string };
    const logout = new URL(logoutUrl);
    expect(logout.origin + logout.pathname).toBe(`${sso.provider.issuer}/session/end`);
    expect(logout.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${sso.origin}/dashboard/`);
    expect((await who(browser)).status).toBe(401);
    // The provider's end-session page accepts the hint: it asks the person to confirm.
    const ending = await browser.get(logout);
    expect(ending.status).toBe(200);
    expect(await ending.text()).toMatch(/logout|sign.?out/i);
  });

  it('gives the role of a group over the one HR assigned, and HR’s to a person whose groups give none', async () => {
    const rita = new FormBrowser();
    await signIn(rita, people.reviewer.id);
    expect((await who(rita)).body).toEqual({
      actor: 'person:rita@acme.test',
      role: 'reviewer',
      emailsHires: false,
    });
    const ivan = new FormBrowser();
    await signIn(ivan, people.helpdesk.id);
    expect((await who(ivan)).body).toEqual({
      actor: 'person:ivan@acme.test',
      role: 'it-helpdesk',
      emailsHires: false,
    });
  });

  it('refuses a person outside the allowed groups or domains, and one with no role', async () => {
    for (const [person, code] of [
      [people.sales, 'auth.oidc-not-allowed'],
      [people.outsider, 'auth.oidc-not-allowed'],
      [people.unassigned, 'auth.oidc-no-role'],
    ] as const) {
      const browser = new FormBrowser();
      const { landing } = await signIn(browser, person.id);
      expect([person.id, landing.pathname, landing.searchParams.get('signInError')]).toEqual([
        person.id,
        '/dashboard/',
        code,
      ]);
      expect((await who(browser)).status).toBe(401);
    }
    const refusals = await auditEntries(sso.server.context, 'session.refused');
    expect(refusals.map((r) => r.detail.email)).toEqual(expect.arrayContaining([people.sales.email]));
  });

  it('refuses a replayed state, and a state brought back by another browser', async () => {
    const browser = new FormBrowser();
    const state = (await begin(browser)).searchParams.get('state')!;
    const first = new FormBrowser();
    first.cookies.set('hireproof_sign_in', state);
    // The first return is taken...
    const authorization = await begin(first);
    const callback = await first.signInAtProvider(authorization.href, people.hr.id, sso.origin);
    const cookie = first.cookies.get('hireproof_sign_in')!;
    expect(new URL((await first.get(callback)).headers.get('location')!, sso.origin).search).toBe('');
    // ...the same URL again, with its cookie put back, is not.
    first.cookies.set('hireproof_sign_in', cookie);
    first.cookies.delete('hireproof_session');
    const replayed = await first.get(callback);
    expect(new URL(replayed.headers.get('location')!, sso.origin).searchParams.get('signInError')).toBe(
      'auth.oidc-state',
    );
    expect((await who(first)).status).toBe(401);
    // A callback from a sign-in another browser began (login CSRF) is refused too.
    const attacker = new FormBrowser();
    const theirs = await attacker.signInAtProvider((await begin(attacker)).href, people.hr.id, sso.origin);
    const victim = new FormBrowser();
    const planted = await victim.get(theirs);
    expect(new URL(planted.headers.get('location')!, sso.origin).searchParams.get('signInError')).toBe(
      'auth.oidc-state',
    );
  });

  it('refuses an ID token the provider issued to another client (wrong audience)', async () => {
    const browser = new FormBrowser();
    const authorization = await begin(browser);
    // The same person signs in to another app of the company's, whose token carries the same nonce.
    const verifier = randomBytes(32).toString('base64url');
    const other = new URL(`${sso.provider.issuer}/auth`);
    other.search = new URLSearchParams({
      client_id: OTHER_CLIENT.client_id,
      redirect_uri: OTHER_REDIRECT,
      response_type: 'code',
      scope: 'openid email',
      state: 'payroll',
      nonce: authorization.searchParams.get('nonce')!,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const payroll = await browser.signInAtProvider(other.href, people.hr.id, new URL(OTHER_REDIRECT).origin);
    const exchanged = await fetch(`${sso.provider.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${OTHER_CLIENT.client_id}:${OTHER_CLIENT.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: payroll.searchParams.get('code')!,
        redirect_uri: OTHER_REDIRECT,
        code_verifier: verifier,
      }),
    });
    const { id_token: payrollToken } = (await exchanged.json()) as { id_token: string };
    expect(JSON.parse(Buffer.from(payrollToken.split('.')[1]!, 'base64url').toString())).toMatchObject({
      aud: OTHER_CLIENT.client_id,
      sub: people.hr.id,
    });

    sso.provider.replaceNextIdToken(payrollToken);
    const callback = await browser.signInAtProvider(authorization.href, people.hr.id, sso.origin);
    const landed = await browser.get(callback);
    expect(new URL(landed.headers.get('location')!, sso.origin).searchParams.get('signInError')).toBe(
      'auth.oidc-refused',
    );
    expect((await who(browser)).status).toBe(401);
    const refusal = (await auditEntries(sso.server.context, 'session.refused')).at(-1);
    expect(refusal?.detail.why).toMatch(/"aud"/);
  });

  it('refuses an ID token that expired by the server’s clock', async () => {
    sso.clock.aheadMs = 2 * 3_600_000;
    try {
      const browser = new FormBrowser();
      const { landing } = await signIn(browser, people.hr.id);
      expect(landing.searchParams.get('signInError')).toBe('auth.oidc-refused');
      const refusal = (await auditEntries(sso.server.context, 'session.refused')).at(-1);
      expect(refusal?.detail.why).toMatch(/"exp"/);
    } finally {
      sso.clock.aheadMs = 0;
    }
    // The same sign-in on time is taken.
    const browser = new FormBrowser();
    expect((await signIn(browser, people.hr.id)).landing.search).toBe('');
  });
});

describe('sign-in with an OpenID provider that cannot be reached', () => {
  it('sends the browser back to the sign-in page saying so, and starts again once it answers', async () => {
    const server = await startTestServer('sqlite', {
      runJobs: false,
      oidcClientSecret: 'secret',
      policy: ServerPolicy.parse({
        oidc: {
          issuer: 'http://127.0.0.1:9/',
          clientId: 'hireproof',
          redirectUrl: 'http://127.0.0.1:9/v1/session/oidc/callback',
          allowedEmailDomains: ['acme.test'],
        },
      }),
    });
    try {
      const started = await fetch(`${server.url}/v1/session/oidc`, { redirect: 'manual' });
      expect([started.status, started.headers.get('location')]).toEqual([
        302,
        '/dashboard/?signInError=auth.oidc-unreachable',
      ]);
      expect(await server.context.db.selectFrom('sign_in_attempts').select('state_hash').execute()).toEqual(
        [],
      );
    } finally {
      await server.close();
    }
  });
});
