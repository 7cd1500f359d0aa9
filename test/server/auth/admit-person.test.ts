import { describe, expect, it } from 'vitest';
import { admitPerson } from '../../../server/auth/admit-person';
import { OidcSettings } from '../../../server/auth/oidc-settings';
import type { ProvenPerson } from '../../../server/auth/openid-provider';

const settings = OidcSettings.parse({
  issuer: 'https://acme.okta.com',
  clientId: 'hireproof',
  redirectUrl: 'https://hr.acme.com/v1/session/oidc/callback',
  allowedEmailDomains: ['acme.com'],
  allowedGroups: ['hr', 'review', 'it'],
  groupRoles: { review: 'reviewer', hr: 'hr-admin' },
});
const person = (email: string | null, groups: string[], emailVerified = true): ProvenPerson => ({
  subject: 'sub-1',
  email,
  emailVerified,
  groups,
  idToken: 'ey…',
});

describe('who the provider’s person is let in as', () => {
  it('gives the most powerful role their groups map to, over the one HR assigned', () => {
    expect(admitPerson(person('a@acme.com', ['review', 'hr']), settings, 'it-helpdesk')).toEqual({
      admitted: true,
      email: 'a@acme.com',
      role: 'hr-admin',
      roleFrom: 'group',
    });
    expect(admitPerson(person('b@acme.com', ['it']), settings, 'reviewer')).toMatchObject({
      role: 'reviewer',
      roleFrom: 'assigned',
    });
  });

  it('refuses an unverified or missing email, another domain, groups not allowed, and no role', () => {
    const refusal = (p: ProvenPerson) => {
      const admission = admitPerson(p, settings, 'reviewer');
      return admission.admitted ? 'admitted' : admission.refusal;
    };
    expect(refusal(person('a@acme.com', ['hr'], false))).toBe('auth.oidc-no-email');
    expect(refusal(person(null, ['hr']))).toBe('auth.oidc-no-email');
    expect(refusal(person('a@acme.com.evil.test', ['hr']))).toBe('auth.oidc-not-allowed');
    expect(refusal(person('a@acme.com', ['sales']))).toBe('auth.oidc-not-allowed');
    expect(admitPerson(person('c@acme.com', ['it']), settings, undefined)).toMatchObject({
      admitted: false,
      refusal: 'auth.oidc-no-role',
    });
  });

  it('will not be set up to let in anyone the provider has an account for', () => {
    const open = OidcSettings.safeParse({ ...settings, allowedEmailDomains: [], allowedGroups: [] });
    expect(open.success).toBe(false);
  });
});
