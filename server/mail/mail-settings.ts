import type { ServerPolicy } from '../server-policy';

/** How the service reaches hires by email: the SMTP server (a secret: environment only) and the policy's invitations. */
export interface MailSettings {
  /** `smtp://user:pass@host:port` (or `smtps://`), as nodemailer takes it. */
  smtpUrl: string;
  from: string;
  downloadUrl: string;
  serviceUrl: string;
  company: string;
}

/**
 * Mail is on when both halves are given; one without the other is a configuration mistake that
 * would silently leave hires uninvited, so it stops the start.
 */
export function mailSettings(smtpUrl: string | undefined, policy: ServerPolicy): MailSettings | null {
  const invitations = policy.invitations;
  if (!smtpUrl && !invitations) return null;
  if (!smtpUrl)
    throw new Error(
      'the policy sets up invitations but HIREPROOF_SMTP_URL is not set: no mail server to send them',
    );
  if (!invitations)
    throw new Error(
      'HIREPROOF_SMTP_URL is set but the policy has no "invitations" (from, downloadUrl, serviceUrl): README, HR set-up',
    );
  if (!/^smtps?:\/\//.test(smtpUrl)) throw new Error('HIREPROOF_SMTP_URL must be an smtp:// or smtps:// URL');
  return { smtpUrl, ...invitations };
}
