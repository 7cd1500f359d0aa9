import type { ServerPolicy } from '../server-policy';
import { enrolPageUrl, escapeHtml } from './enrol-link';
import type { MailSettings } from './mail-settings';
import { privacyNotice } from './privacy-notice';

export interface Message {
  subject: string;
  text: string;
  html: string;
}

/** Paragraphs as plain text and as HTML (links made clickable): one wording for both. */
function message(subject: string, paragraphs: (string | { text: string; link: string })[]): Message {
  return {
    subject,
    text: paragraphs.map((p) => (typeof p === 'string' ? p : `${p.text} ${p.link}`)).join('\n\n') + '\n',
    html: `<!doctype html><html><body>${paragraphs
      .map((p) =>
        typeof p === 'string'
          ? `<p>${escapeHtml(p)}</p>`
          : `<p>${escapeHtml(p.text)} <a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>`,
      )
      .join('')}</body></html>`,
  };
}

const WHAT_IT_IS =
  'HireProof checks that the laptop you were sent is set up where you are and used by you: no remote-control tools, remote keyboards or virtual machines, and (if you agree) that your face matches your ID photo.';

/** The invitation: what HireProof is, where to get it, the link that opens it with the code, the code, the privacy notice. */
export function invitation(
  hire: { name: string; code: string; expiresAt: string },
  settings: MailSettings,
  policy: ServerPolicy,
): Message {
  return message(`${settings.company}: check your new laptop with HireProof`, [
    `Hello ${hire.name},`,
    `${settings.company} asks you to check your new laptop with HireProof. ${WHAT_IT_IS}`,
    { text: '1. Download HireProof and install it:', link: settings.downloadUrl },
    {
      text: '2. Open this link on the laptop; it starts HireProof with your code:',
      link: enrolPageUrl(settings.serviceUrl, hire.code),
    },
    `Or type your enrolment code into HireProof: ${hire.code}`,
    `The code works once, until ${hire.expiresAt.slice(0, 10)}. Do not share it.`,
    'Your privacy:',
    ...privacyNotice(policy),
  ]);
}

/** A reminder that the laptop's re-attestation is overdue (no code: the app is already enrolled). */
export function reminder(hire: { name: string; dueAt: string }, settings: MailSettings): Message {
  return message(`${settings.company}: your laptop check is overdue`, [
    `Hello ${hire.name},`,
    `Your laptop's HireProof check was due on ${hire.dueAt.slice(0, 10)}. Please open HireProof on the laptop ${settings.company} sent you and run the check; it takes about a minute.`,
    { text: 'If HireProof is no longer installed, download it again:', link: settings.downloadUrl },
  ]);
}
