import type { Check } from '../check';
import { appIntegrityCheck } from './app-integrity';
import { remotePortsCheck } from './remote-ports';
import { remoteSessionCheck } from './remote-session';
import { remoteToolsCheck } from './remote-tools';

/** The checks HireProof runs, in the order they are shown. */
export const checks: readonly Check[] = [
  remoteToolsCheck,
  remoteSessionCheck,
  remotePortsCheck,
  appIntegrityCheck,
] as readonly Check[];
