import type { LastVerdict } from '../../main/contract/ipc';
import { formatDay } from '../ui/format-day';

/**
 * The home screen's heading and first sentence, from HR's answer to the last report when it was
 * sent: "all set" only when that answer was a pass, so the screen never says one thing and its last
 * report another. The device does not hear of HR's later review, so the words stay with what it
 * knows: what HR answered, and on which day.
 */
export function homeWords(
  hireName: string | null,
  last: LastVerdict | null,
): { heading: string; note: string } {
  const name = hireName ? `, ${hireName}` : '';
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
