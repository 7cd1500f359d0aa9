import { setPriority } from 'node:os';

/** Nice value for the processes that stand in for the person and the network. */
const AHEAD = -10;

/**
 * The scripted person's hands and eyes, and the network, are not on the hire's machine and must not
 * queue behind its load: their processes get a higher priority than the desktop (Xvfb, x11vnc,
 * Chromium), whose handling of the input is what is measured. Needs root (CI and this machine run
 * as root); without it they keep the normal priority and the run says so.
 */
export function putAhead(pid = 0): void {
  try {
    setPriority(pid, AHEAD);
  } catch (error) {
    process.emitWarning(
      `could not raise the priority of process ${pid || process.pid}: ${(error as Error).message}; ` +
        'scripted input may run late on a busy machine',
    );
  }
}
