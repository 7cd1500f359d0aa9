import { z } from 'zod';
import { Provenance } from './provenance';

/** An executable's provenance as a report carries it: the path, then what the package manager says. */
export const PackageRecord = Provenance.extend({ path: z.string().max(1024) });
export type PackageRecord = z.infer<typeof PackageRecord>;
