import { z } from 'zod';

/** A running process as the OS reports it. `name` is what the process calls itself (renamable). */
export const ProcessInfo = z.object({
  pid: z.number().int(),
  name: z.string().max(256),
  /** Full path of the executable image, when the OS tells us. */
  path: z.string().max(1024).nullable(),
  /** Arguments, only where a rule reads them (display servers); empty otherwise, for privacy. */
  cmdline: z.string().max(1024),
});
export type ProcessInfo = z.infer<typeof ProcessInfo>;
