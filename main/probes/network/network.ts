import { z } from 'zod';

export const InterfaceKind = z.enum(['ethernet', 'wireless', 'tunnel', 'loopback', 'virtual', 'other']);
export type InterfaceKind = z.infer<typeof InterfaceKind>;

export const NetworkInterface = z.object({
  name: z.string().max(64),
  mac: z.string().max(64).nullable(),
  /** Backed by hardware (Linux: has a `device` link), not a bridge, veth or tunnel. */
  physical: z.boolean(),
  kind: InterfaceKind,
  up: z.boolean(),
});
export type NetworkInterface = z.infer<typeof NetworkInterface>;

export const NetworkInfo = z.object({
  interfaces: z.array(NetworkInterface).max(1000),
  /** Interfaces that carry a default route. */
  defaultRoutes: z.array(z.string().max(64)).max(100),
  /** Proxy settings in force, with where each was read. */
  proxies: z.array(z.object({ source: z.string().max(256), value: z.string().max(1024) })).max(50),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;
