// `npm start -- --oidc-demo`: a local OpenID provider (oidc-provider, a dev dependency) for the
// dashboard to sign in with, and the server policy that points the HR service at it. Its login
// page takes any password; the accounts below are who can sign in, one per role.
import { writeFileSync } from 'node:fs';
import Provider from 'oidc-provider';

export const DEMO_ACCOUNTS = [
  { id: 'hr', email: 'hr@example.com', groups: ['hireproof-hr'] },
  { id: 'reviewer', email: 'reviewer@example.com', groups: ['hireproof-review'] },
  { id: 'helpdesk', email: 'helpdesk@example.com', groups: ['it-helpdesk'] },
];

/** Starts the provider on 127.0.0.1:port and writes the policy file; answers the issuer and the client secret. */
export async function startDemoProvider({ port, server, policyFile }) {
  const issuer = `http://127.0.0.1:${port}`;
  const clientSecret = `demo-client-secret-${Math.random().toString(36).slice(2)}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'hireproof-demo',
        client_secret: clientSecret,
        redirect_uris: [`${server}/v1/session/oidc/callback`],
        post_logout_redirect_uris: [`${server}/dashboard/`],
      },
    ],
    findAccount: (_ctx, id) => {
      const account = DEMO_ACCOUNTS.find((a) => a.id === id);
      return (
        account && {
          accountId: id,
          claims: () => ({ sub: id, email: account.email, email_verified: true, groups: account.groups }),
        }
      );
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
    scopes: ['openid', 'email', 'groups'],
    pkce: { required: () => true },
    cookies: { keys: [clientSecret] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  await new Promise((resolve) => provider.listen(port, '127.0.0.1').once('listening', resolve));
  writeFileSync(
    policyFile,
    JSON.stringify({
      oidc: {
        issuer,
        clientId: 'hireproof-demo',
        redirectUrl: `${server}/v1/session/oidc/callback`,
        providerName: 'the demo provider',
        scopes: ['openid', 'email', 'groups'],
        allowedEmailDomains: ['example.com'],
        groupRoles: {
          'hireproof-hr': 'hr-admin',
          'hireproof-review': 'reviewer',
          'it-helpdesk': 'it-helpdesk',
        },
      },
    }),
  );
  return { issuer, clientSecret };
}
