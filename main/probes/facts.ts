import type { Platform } from '../contract/checks';
import type { ProbeFacts, ProbeId } from '../contract/observations';
import type { Host } from './host';

/** Everything a probe can tell, by probe id: the shapes are the report's (`contract/observations`). */
export type { ProbeFacts, ProbeId } from '../contract/observations';

export type ProbeReader<K extends ProbeId> = (host: Host) => Promise<ProbeFacts[K]>;

/** Each probe's reader per platform; a platform without one makes the checks that need it n/a. */
export type ProbeSet = { [K in ProbeId]: Partial<Record<Platform, ProbeReader<K>>> };
