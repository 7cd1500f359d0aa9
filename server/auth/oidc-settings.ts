import { z } from 'zod';
import { Role } from '../../main/contract/hr-api';

/**
 * Dashboard sign-in with an OpenID provider (Okta, Entra ID, Google Workspace…), in the server
 * policy; the client secret is the environment's (HIREPROOF_OIDC_CLIENT_SECRET). Who may sign in:
 * a verified email in one of `allowedEmailDomains`, and a group in `allowedGroups` (each list,
 * when given, must be met; at least one is). Their role: the first role (hr-admin, reviewer,
 * it-helpdesk) one of their groups maps to in `groupRoles`, else the one HR assigned to their email.
 */
export const OidcSettings = z
  .object({
    /** Discovery reads `<issuer>/.well-known/openid-configuration`. */
    issuer: z.url(),
    clientId: z.string().min(1).max(400),
    /** This service's callback as registered at the provider: https://…/v1/session/oidc/callback. */
    redirectUrl: z.url(),
    /** Shown on the button: "Sign in with <providerName>". */
    providerName: z.string().trim().min(1).max(60).default('your identity provider'),
    scopes: z.array(z.string().regex(/^[\x21-\x7e]+$/)).default(['openid', 'email', 'profile']),
    allowedEmailDomains: z.array(z.string().trim().toLowerCase().min(1)).default([]),
    allowedGroups: z.array(z.string().min(1)).default([]),
    /** The claim (in the ID token or from userinfo) that lists the person's groups. */
    groupsClaim: z.string().min(1).default('groups'),
    groupRoles: z.record(z.string(), Role).default({}),
    /** Where the provider sends the browser after signing out there; the dashboard by default. */
    postLogoutRedirectUrl: z.url().optional(),
  })
  .strict()
  .refine(
    (s) => s.allowedEmailDomains.length + s.allowedGroups.length > 0,
    'name allowedEmailDomains or allowedGroups: without either, anyone with an account at the provider could sign in',
  )
  .refine((s) => s.scopes.includes('openid'), 'scopes must include openid');
export type OidcSettings = z.infer<typeof OidcSettings>;
