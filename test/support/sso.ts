import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ServerPolicy } from '../../server/server-policy';
import { startTestServer, type Storage } from './hr-service';
import { startOpenIdProvider, type ProviderAccount } from './openid-provider';

export const CLIENT_SECRET = 'hireproof-test-client-secret-0123456789';
export const OTHER_CLIENT = { client_id: 'payroll-app', client_secret: 'payroll-secret-0123456789abcdef' };
export const OTHER_REDIRECT = 'http://127.0.0.1:9/payroll/callback';

/**
 * The people of the test company: their groups give HR admins and reviewers; IT's group is
 * allowed in, with no role of its own (HR assigns one by email); sales is not allowed in, and
 * another company's address is not either.
 */
export const people = {
  hr: { id: 'alice', email: 'alice@acme.test', groups: ['hireproof-hr', 'staff'] },
  reviewer: { id: 'rita', email: 'rita@acme.test', groups: ['hireproof-review'] },
  helpdesk: { id: 'ivan', email: 'ivan@acme.test', groups: ['it'] },
  unassigned: { id: 'nora', email: 'nora@acme.test', groups: ['it'] },
  sales: { id: 'sam', email: 'sam@acme.test', groups: ['sales'] },
  outsider: { id: 'mallory', email: 'mallory@elsewhere.test', groups: ['hireproof-hr'] },
} satisfies Record<string, ProviderAccount>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real OpenID provider and an HR service that signs HR in with it (the policy's `oidc`), on a
 * clock the test can move (`aheadMs`) to judge tokens late.
 */
export async function startSso(storage: Storage = 'sqlite') {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const redirectUrl = `${origin}/v1/session/oidc/callback`;
  const provider = await startOpenIdProvider({
    accounts: Object.values(people),
    clients: [
      {
        client_id: 'hireproof',
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUrl],
        post_logout_redirect_uris: [`${origin}/dashboard/`],
      },
      { ...OTHER_CLIENT, redirect_uris: [OTHER_REDIRECT] },
    ],
  });
  const clock = { aheadMs: 0 };
  const server = await startTestServer(storage, {
    port,
    runJobs: false,
    now: () => new Date(Date.now() + clock.aheadMs),
    oidcClientSecret: CLIENT_SECRET,
    policy: ServerPolicy.parse({
      oidc: {
        issuer: provider.issuer,
        clientId: 'hireproof',
        redirectUrl,
        providerName: 'Acme SSO',
        scopes: ['openid', 'email', 'groups'],
        allowedEmailDomains: ['acme.test'],
        allowedGroups: ['hireproof-hr', 'hireproof-review', 'it'],
        groupRoles: { 'hireproof-hr': 'hr-admin', 'hireproof-review': 'reviewer' },
      },
    }),
  });
  return {
    server,
    provider,
    origin,
    clock,
    async close() {
      await server.close();
      await provider.close();
    },
  };
}
