import { Role } from '../../main/contract/hr-api';
import type { OidcSettings } from './oidc-settings';
import type { ProvenPerson } from './openid-provider';

/** Why a person the provider vouched for is still not let in (the dashboard says which). */
export type Refusal = 'auth.oidc-no-email' | 'auth.oidc-not-allowed' | 'auth.oidc-no-role';

export type Admission =
  | { admitted: true; email: string; role: Role; roleFrom: 'group' | 'assigned' }
  | { admitted: false; refusal: Refusal; why: string };

/**
 * Whether a person signed in at the provider may use the dashboard, and as what: a verified
 * email in the allowed domains and a group among the allowed ones (each list that is set); the
 * role their groups map to (the most powerful of them) wins over the one HR assigned.
 */
export function admitPerson(
  person: ProvenPerson,
  settings: OidcSettings,
  assigned: Role | undefined,
): Admission {
  if (!person.email || !person.emailVerified)
    return { admitted: false, refusal: 'auth.oidc-no-email', why: 'the provider sent no verified email' };
  const domain = person.email.slice(person.email.lastIndexOf('@') + 1);
  if (settings.allowedEmailDomains.length > 0 && !settings.allowedEmailDomains.includes(domain))
    return {
      admitted: false,
      refusal: 'auth.oidc-not-allowed',
      why: `${domain} is not an allowed email domain`,
    };
  if (settings.allowedGroups.length > 0 && !person.groups.some((g) => settings.allowedGroups.includes(g)))
    return { admitted: false, refusal: 'auth.oidc-not-allowed', why: 'none of their groups is allowed' };
  const fromGroups = Role.options.find((role) =>
    person.groups.some((group) => settings.groupRoles[group] === role),
  );
  if (fromGroups) return { admitted: true, email: person.email, role: fromGroups, roleFrom: 'group' };
  if (assigned) return { admitted: true, email: person.email, role: assigned, roleFrom: 'assigned' };
  return {
    admitted: false,
    refusal: 'auth.oidc-no-role',
    why: 'no group of theirs maps to a role, and HR assigned none',
  };
}
