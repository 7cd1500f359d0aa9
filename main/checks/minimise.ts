import type { ProbeFacts, ProbeId } from '../contract/observations';
import { X_SERVER_NAME } from './catalogue/remote-session';
import { wineProgram } from './remote/wine';

/**
 * What a report keeps of a probe's reading: only what a rule reads. This is an employee's laptop,
 * so command lines are dropped except a display server's (its display number) and, for a Windows
 * program under Wine, the program's own path (its name there); long ones are cut.
 */
export function minimisedFacts<K extends ProbeId>(id: K, facts: ProbeFacts[K]): ProbeFacts[K] {
  if (id !== 'processes') return facts;
  return (facts as ProbeFacts['processes']).map((p) => ({
    ...p,
    cmdline: X_SERVER_NAME.test(p.name) ? p.cmdline.slice(0, 1_024) : (wineProgram(p) ?? ''),
  })) as ProbeFacts[K];
}
