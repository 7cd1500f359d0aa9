import { z } from 'zod';

/** A service, daemon or launch agent installed on the machine, running or not. */
export const ServiceInfo = z.object({
  name: z.string().max(256),
  state: z.enum(['running', 'stopped', 'enabled', 'disabled', 'unknown']),
  /** Executable or unit file behind the service, when known. */
  path: z.string().max(1024).nullable(),
});
export type ServiceInfo = z.infer<typeof ServiceInfo>;
