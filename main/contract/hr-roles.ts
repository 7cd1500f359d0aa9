import type { HrApi } from './hr-api';
import type { Role } from './hr-api';

/**
 * Who may call each HR route: the one table the server enforces (a hook before every route) and
 * the dashboard reads to hide what a role cannot do. A new route without a line here does not
 * compile. `anyone`: no sign-in needed (signing in itself, health).
 *
 * - `hr-admin`: everything.
 * - `reviewer`: views hires and their reports, settles reviews and links, sees the ID photo and face frames
 *   it compares, the audit trail and linked hires; creates, erases, offboards nothing, replaces no
 *   device, and has no webhooks, exports or codes.
 * - `it-helpdesk`: device evidence read-only (hires, devices, reports and their checks); no
 *   biometric data (photos, frames, face links), no audit trail, no exports.
 */
export type Access = readonly Role[] | 'anyone';

const all = ['hr-admin', 'reviewer', 'it-helpdesk'] as const;
const reviewers = ['hr-admin', 'reviewer'] as const;
const admins = ['hr-admin'] as const;

export const hrRoles: Record<keyof HrApi, Access> = {
  createHire: admins,
  listHires: all,
  hireCounts: all,
  hire: all,
  replaceIdPhoto: admins,
  hireReports: all,
  deviceCheckCode: admins,
  newEnrolmentCode: admins,
  replaceDevice: admins,
  report: all,
  review: reviewers,
  frames: reviewers,
  photo: reviewers,
  audit: reviewers,
  hireLinks: reviewers,
  links: reviewers,
  dismissLink: reviewers,
  verdictStats: all,
  exportCsv: admins,
  exportJson: admins,
  createWebhook: admins,
  deliveries: admins,
  signIn: 'anyone',
  session: all,
  signOut: 'anyone',
  people: admins,
  assignRole: admins,
  signInOptions: 'anyone',
  oidcSignIn: 'anyone',
  oidcCallback: 'anyone',
  offboard: admins,
  eraseHire: admins,
  withdrawBiometricConsent: admins,
  health: 'anyone',
};

/**
 * Whether a role sees the face checks' details (match distances, liveness measurements) in the
 * reasons of reports; without, only that a face check gave the verdict its weight.
 */
export const seesFaceDetails = (role: Role): boolean => role !== 'it-helpdesk';

/** Whether a role may call a route. */
export const mayCall = (role: Role, route: keyof HrApi): boolean => {
  const access = hrRoles[route];
  return access === 'anyone' || access.includes(role);
};
