import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { admitPerson } from './admit-person';
import { openSession } from './dashboard-session';
import { hashSecret } from './secrets';

/** The browser's half of a sign-in under way: its state, so a state is only good in the browser that began it. */
export const SIGN_IN_COOKIE = 'hireproof_sign_in';
const ATTEMPT_MINUTES = 10;
const DASHBOARD = '/dashboard/';

/**
 * openid-client's reason: its own words, then those of the check that failed beneath it (which
 * name the claim: `aud`, `exp`, `nonce`…).
 */
function whyRefused(error: unknown): string {
  const words: string[] = [];
  for (let e: unknown = error; e instanceof Error && words.length < 4; e = e.cause) words.push(e.message);
  return words.length > 0 ? words.join(': ') : String(error);
}

/** Where the dashboard shows why a sign-in through the provider failed. */
const refused = (reply: FastifyReply, code: string) =>
  reply
    .clearCookie(SIGN_IN_COOKIE, { path: hrApi.oidcCallback.path })
    .redirect(`${DASHBOARD}?signInError=${encodeURIComponent(code)}`);

/**
 * Sign-in with the OpenID provider (policy `oidc`): the dashboard's button starts it here, the
 * provider sends the browser back to the callback, which opens a dashboard session for a person
 * the provider vouched for and the allow-list admits, in the role their groups (or HR) give them.
 * The PKCE verifier and nonce stay in the database, found by the state's hash, and are used once.
 */
export function oidcRoutes(app: FastifyInstance, context: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { signInOptions, oidcSignIn, oidcCallback } = hrApi;
  api.get(signInOptions.path, { schema: { response: { 200: signInOptions.response } } }, () => ({
    oidc: context.oidc ? { providerName: context.oidc.settings.providerName } : null,
  }));

  api.get(oidcSignIn.path, { config: { raw: true } }, async (request, reply) => {
    const { oidc } = context;
    if (!oidc) throw new ApiFailure(404, 'auth.oidc-off', 'sign-in with an OpenID provider is not set up');
    const now = context.now();
    let attempt;
    try {
      attempt = await oidc.begin(now);
    } catch (error) {
      request.log.warn({ err: error }, 'the OpenID provider cannot be reached');
      return refused(reply, 'auth.oidc-unreachable');
    }
    const expires = new Date(now.getTime() + ATTEMPT_MINUTES * 60_000);
    await context.db.deleteFrom('sign_in_attempts').where('expires_at', '<=', now.toISOString()).execute();
    await context.db
      .insertInto('sign_in_attempts')
      .values({
        state_hash: hashSecret(attempt.state),
        code_verifier: attempt.codeVerifier,
        nonce: attempt.nonce,
        expires_at: expires.toISOString(),
      })
      .execute();
    return reply
      .setCookie(SIGN_IN_COOKIE, attempt.state, {
        httpOnly: true,
        // Lax: the provider sends the browser back by a cross-site redirect, which must carry it.
        sameSite: 'lax',
        secure: new URL(oidc.settings.redirectUrl).protocol === 'https:',
        path: oidcCallback.path,
        expires,
      })
      .redirect(attempt.url.href);
  });

  api.get(oidcCallback.path, { config: { raw: true } }, async (request, reply) => {
    const { oidc } = context;
    if (!oidc) throw new ApiFailure(404, 'auth.oidc-off', 'sign-in with an OpenID provider is not set up');
    const now = context.now();
    const query = request.url.slice(request.url.indexOf('?') + 1);
    const state = new URLSearchParams(query).get('state');
    const refuse = async (code: string, why: string, detail: Record<string, unknown> = {}) => {
      await audit(context.db, {
        actor: 'oidc',
        action: 'session.refused',
        target: '*',
        hire: null,
        detail: { code, why, ...detail },
        at: now,
      });
      return refused(reply, code);
    };
    if (!state || state !== request.cookies[SIGN_IN_COOKIE])
      return refuse('auth.oidc-state', 'the sign-in did not start in this browser');
    // Found and deleted at once: of two returns with one state, only one finds it.
    const attempt = await context.db
      .deleteFrom('sign_in_attempts')
      .where('state_hash', '=', hashSecret(state))
      .where('expires_at', '>', now.toISOString())
      .returning(['code_verifier', 'nonce'])
      .executeTakeFirst();
    if (!attempt) return refuse('auth.oidc-state', 'the sign-in was used already or took too long');
    let person;
    try {
      person = await oidc.finish(
        query,
        { state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier },
        now,
      );
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID sign-in refused');
      return refuse('auth.oidc-refused', whyRefused(error));
    }
    const assigned = person.email
      ? await context.db
          .selectFrom('people')
          .select('role')
          .where('email', '=', person.email)
          .executeTakeFirst()
      : undefined;
    const admission = admitPerson(person, oidc.settings, assigned?.role);
    if (!admission.admitted)
      return refuse(admission.refusal, admission.why, { subject: person.subject, email: person.email });
    request.proven = true;
    await openSession(context, request, reply, {
      kind: 'person',
      email: admission.email,
      role: admission.role,
      idToken: person.idToken,
      detail: { subject: person.subject, issuer: oidc.settings.issuer, roleFrom: admission.roleFrom },
    });
    return reply.clearCookie(SIGN_IN_COOKIE, { path: oidcCallback.path }).redirect(DASHBOARD);
  });
}
