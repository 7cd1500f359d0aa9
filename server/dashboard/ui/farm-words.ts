import type { LinkedHire } from './api';

/** What each farm signal is called on the dashboard (README, Farm signals). */
export const FARM_CHECK_LABEL: Record<LinkedHire['check'], string> = {
  'farm.same-hardware': 'Same hardware',
  'farm.same-place': 'Same place',
  'farm.same-rhythm': 'Same rhythm',
  'farm.same-face': 'Same face',
};

/** What HR does with a link, said once beside every list of them. */
export const FARM_ADVICE =
  'A link is a reason to look, not a verdict: flatmates, a shared office, a family of employees, twins and rehires link too. ' +
  'Check the hires together in a video call and against their documents before deciding.';
