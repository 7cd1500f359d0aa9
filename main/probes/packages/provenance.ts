import { z } from 'zod';

/**
 * Whether an executable is the file a package installed: the package database names its owner and
 * its recorded checksum matches the bytes that run. A copy under another name, a file changed
 * since install or one no package owns is not "from a package", whatever its name.
 */
export const Provenance = z.object({
  manager: z.enum(['dpkg']),
  /** The package that owns the path; null when none does. */
  package: z.string().max(128).nullable(),
  /** The file's MD5 equals the one the package recorded at install. */
  verified: z.boolean(),
});
export type Provenance = z.infer<typeof Provenance>;
