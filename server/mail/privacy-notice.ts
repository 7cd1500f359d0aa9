import type { ServerPolicy } from '../server-policy';

/**
 * What the hire is told about their data before they install anything, in the invitation and on
 * the enrol page: the same retention periods the consent screen states (`GET /v1/privacy`).
 */
export function privacyNotice(policy: ServerPolicy): string[] {
  return [
    'HireProof reads this laptop’s hardware, the programs and connections that allow remote control, and its displays and cameras. It does not read your files, messages or browsing.',
    `The camera check is optional: if you agree to it, your ID photo and the face frames it takes are deleted ${policy.retentionDays} days after you are verified (${policy.unverifiedRetentionDays} days after they were taken if you are not). The face template made from your ID photo is kept while you work here, to match later checks.`,
    'You can withdraw your consent to the camera check at any time from the app’s home screen: your biometric data is then deleted and a person checks you in a video call instead.',
  ];
}
