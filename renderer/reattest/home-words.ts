import type { LastVerdict } from '../../main/contract/ipc';

/**
 * The home screen's heading and first sentence, from HR's answer to the last report: "all set" only
 * when that answer was a pass, so the screen never says one thing and its last report another.
 */
export function homeWords(
  hireName: string | null,
  last: LastVerdict | null,
): { heading: string; note: string } {
  const name = hireName ? `, ${hireName}` : '';
  switch (last?.verdict) {
    case 'pass':
      return { heading: `You're all set${name}`, note: 'HR accepted your last report.' };
    case 'review':
      return {
        heading: `HR is reviewing your last report${name}`,
        note: 'A person at HR looks at what the checks found and contacts you if anything is needed.',
      };
    case 'fail':
      return {
        heading: `Your last report did not pass${name}`,
        note: 'HR will contact you about it. Once whatever the checks named is closed, press Check now to send a new report.',
      };
    case undefined:
      return {
        heading: `You're enrolled${name}`,
        note: 'HR has not answered a report from this laptop yet.',
      };
  }
}
