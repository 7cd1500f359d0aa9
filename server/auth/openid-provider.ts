import * as oidc from 'openid-client';
import type { OidcSettings } from './oidc-settings';

/** A sign-in under way: what the browser is sent to, and what its return is checked against. */
export interface SignInAttempt {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in, from a validated ID token (and userinfo, for missing claims). */
export interface ProvenPerson {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  groups: string[];
  idToken: string;
}

/** Plain http is allowed only to a provider on this machine (tests, `npm start -- --oidc-demo`). */
const onThisMachine = (url: URL) =>
  url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export type OpenIdProvider = ReturnType<typeof openIdProvider>;

/**
 * The OpenID provider HR signs in with (openid-client): discovered from its issuer on first use
 * (again after a failure), authorization code flow with PKCE, state and nonce. Time is the
 * server's clock (`now`), so a token's expiry is judged by the same clock as everything else.
 */
export function openIdProvider(settings: OidcSettings, clientSecret: string) {
  const issuer = new URL(settings.issuer);
  const insecure = onThisMachine(issuer);
  let discovered: Promise<oidc.ServerMetadata> | null = null;
  const metadata = () =>
    (discovered ??= oidc
      .discovery(issuer, settings.clientId, clientSecret, undefined, {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
      })
      .then(
        (config) => config.serverMetadata(),
        (error: unknown) => {
          discovered = null;
          throw error;
        },
      ));
  const configuration = async (now: Date) => {
    const config = new oidc.Configuration(
      await metadata(),
      settings.clientId,
      { [oidc.clockSkew]: Math.round((now.getTime() - Date.now()) / 1000) },
      oidc.ClientSecretBasic(clientSecret),
    );
    if (insecure) oidc.allowInsecureRequests(config);
    return config;
  };

  return {
    settings,
    async begin(now: Date): Promise<SignInAttempt> {
      const config = await configuration(now);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: settings.scopes.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    /** Exchanges the code the browser brought back; throws when anything about it is wrong. */
    async finish(query: string, attempt: Omit<SignInAttempt, 'url'>, now: Date): Promise<ProvenPerson> {
      const config = await configuration(now);
      const returned = new URL(settings.redirectUrl);
      returned.search = query;
      const tokens = await oidc.authorizationCodeGrant(config, returned, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new Error('the provider sent no ID token');
      let claims: Record<string, unknown> = idClaims;
      // Many providers keep email and groups for userinfo unless asked to put them in the ID token.
      const wantsGroups = settings.allowedGroups.length > 0 || Object.keys(settings.groupRoles).length > 0;
      if (
        (claims.email === undefined || (wantsGroups && claims[settings.groupsClaim] === undefined)) &&
        config.serverMetadata().userinfo_endpoint
      ) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      }
      const groups = claims[settings.groupsClaim];
      return {
        subject: idClaims.sub,
        email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
        // Some providers (Entra ID) do not say; only an address the provider says is unverified is refused.
        emailVerified: claims.email_verified !== false,
        groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
        idToken: tokens.id_token,
      };
    },

    /** The provider's end-session page (RP-initiated logout), when it has one. */
    async signOutUrl(idToken: string | null, now: Date): Promise<URL | null> {
      const config = await configuration(now);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri:
          settings.postLogoutRedirectUrl ?? new URL('/dashboard/', settings.redirectUrl).href,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}
