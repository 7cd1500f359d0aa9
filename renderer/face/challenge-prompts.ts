import type { LivenessChallenge } from '../../main/contract/liveness';

/** What the hire is asked to do, in the hire's own directions (the preview is shown mirrored). */
export const challengePrompts: Record<LivenessChallenge, string> = {
  'turn-left': 'Slowly turn your head to your left, then back to the camera.',
  'turn-right': 'Slowly turn your head to your right, then back to the camera.',
  'look-up': 'Tilt your head back and look up at the ceiling, then back to the camera.',
  blink: 'Blink your eyes.',
  smile: 'Give a big smile.',
};
