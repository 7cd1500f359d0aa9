import type { Check } from '../check';
import { remotePortsCheck } from './remote-ports';
import { remoteSessionCheck } from './remote-session';
import { remoteToolsCheck } from './remote-tools';

/** The checks HireProof runs, in the order they are shown. */
export const checks: readonly Check[] = [
  remoteToolsCheck,
  remoteSessionCheck,
  remotePortsCheck,
] as readonly Check[];
