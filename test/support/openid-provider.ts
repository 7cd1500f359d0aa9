import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';

/** A person with an account at the test's provider (the dev login page takes any password). */
export interface ProviderAccount {
  id: string;
  email: string;
  groups: string[];
}

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 at a random port: static clients, the
 * given accounts with email and groups claims, its own login and consent pages, PKCE required,
 * RP-initiated logout on. `replaceIdToken` makes its token endpoint answer the next exchange with
 * another ID token (one it issued to another client), as a provider mix-up or attacker would.
 */
export async function startOpenIdProvider(options: {
  accounts: ProviderAccount[];
  clients: ClientMetadata[];
  idTokenSeconds?: number;
}) {
  let provider: Provider | null = null;
  let replacement: string | null = null;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (replacement && req.method === 'POST' && req.url === '/token') {
      const idToken = replacement;
      replacement = null;
      const end = res.end.bind(res);
      res.end = ((chunk: unknown) => {
        const body = JSON.parse(String(chunk)) as Record<string, unknown>;
        const text = JSON.stringify({ ...body, id_token: idToken });
        res.setHeader('content-length', Buffer.byteLength(text));
        return end(text);
      }) as typeof res.end;
    }
    void provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: options.clients,
    findAccount: (_ctx, id) => {
      const account = options.accounts.find((a) => a.id === id);
      return account
        ? {
            accountId: id,
            claims: () => ({ sub: id, email: account.email, email_verified: true, groups: account.groups }),
          }
        : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenSeconds ?? 3600 },
    cookies: { keys: ['hireproof-test-provider-cookies'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  return {
    issuer,
    /** The next code exchange answers with this ID token instead of its own. */
    replaceNextIdToken(idToken: string) {
      replacement = idToken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
