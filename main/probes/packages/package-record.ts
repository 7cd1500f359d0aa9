import { z } from 'zod';

/**
 * What the package manager says of an executable: which package installed it, and whether the file
 * is still the one it installed (dpkg's MD5 of it matches). Only a root-held package database
 * vouches for a path; a program copied there by hand has no package.
 */
export const PackageRecord = z.object({
  path: z.string().max(1024),
  manager: z.literal('dpkg'),
  /** The package that lists the path; null when none does. */
  package: z.string().max(256).nullable(),
  /** The file's MD5 matches the package's record; null when there is none or the file is unreadable. */
  intact: z.boolean().nullable(),
});
export type PackageRecord = z.infer<typeof PackageRecord>;
