import type { LastVerdict, RefusedReport } from '../../main/contract/ipc';
import { formatDay } from '../ui/format-day';

/**
 * The home screen's heading and first sentence, from HR's answer to the last report when it was
 * sent: "all set" only when that answer was a pass, so the screen never says one thing and its last
 * report another. The device does not hear of HR's later review, so the words stay with what it
 * knows: what HR answered, and on which day. A report HR refused after that answer comes first:
 * nothing of it counted, so the hire is asked for a new check.
 */
/** Refusals a hire can cause without doing anything wrong, in their words. */
const REFUSED_BECAUSE: Record<string, string> = {
  'report.stale': 'It waited to be sent (the laptop was offline) longer than a report stays valid',
  'nonce.expired': 'It waited to be sent (the laptop was offline) longer than its check stays valid',
  'report.from-future': "This laptop's clock is ahead of HR's; set it to the right time",
  'report.outdated': 'It was made by an older version of HireProof; update the app',
};

export function homeWords(
  hireName: string | null,
  last: LastVerdict | null,
  refusal: RefusedReport | null = null,
): { heading: string; note: string } {
  const name = hireName ? `, ${hireName}` : '';
  if (refusal)
    return {
      heading: `HR could not accept your last report${name}`,
      note: `${REFUSED_BECAUSE[refusal.code] ?? `HR's service refused it (${refusal.reason})`}, so it does not count. Press Check now to do the check again.`,
    };
  const day = last ? formatDay(last.receivedAt) : '';
  switch (last?.verdict) {
    case 'pass':
      return { heading: `You're all set${name}`, note: `HR accepted your last report (${day}).` };
    case 'review':
      return {
        heading: `You're enrolled${name}`,
        note: `Your last report (${day}) went to a person at HR for review; they contact you if anything is needed.`,
      };
    case 'fail':
      return {
        heading: `Your last report did not pass${name}`,
        note: `HR answered your last report (${day}) with a fail and will contact you. Once what the checks named is gone, press Check now to send a new report.`,
      };
    case undefined:
      return {
        heading: `You're enrolled${name}`,
        note: 'HR has not answered a report from this laptop yet.',
      };
  }
}
