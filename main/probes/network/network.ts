import { z } from 'zod';
import { PackageRecord } from '../packages/package-record';

export const InterfaceKind = z.enum(['ethernet', 'wireless', 'tunnel', 'loopback', 'virtual', 'other']);
export type InterfaceKind = z.infer<typeof InterfaceKind>;

export const NetworkInterface = z.object({
  name: z.string().max(64),
  mac: z.string().max(64).nullable(),
  /** Backed by hardware (Linux: has a `device` link), not a bridge, veth or tunnel. */
  physical: z.boolean(),
  kind: InterfaceKind,
  up: z.boolean(),
  /**
   * On a tun/tap device only (Linux): the processes holding it open, from /proc/PID/fdinfo `iff:`,
   * among those this user may read (empty when its owner runs as another user). Absent elsewhere.
   */
  owners: z.array(z.number().int()).max(64).optional(),
  /**
   * On a macOS tunnel only: it holds an address traffic can be sent to (IPv4, or IPv6 beyond
   * link-local fe80::/10). macOS keeps unaddressed utuns for its own services; a VPN's has one.
   */
  addressed: z.boolean().optional(),
});
export type NetworkInterface = z.infer<typeof NetworkInterface>;

export const NetworkInfo = z.object({
  interfaces: z.array(NetworkInterface).max(1000),
  /** Interfaces that carry a default route. */
  defaultRoutes: z.array(z.string().max(64)).max(100),
  /** Proxy settings in force, with where each was read. */
  proxies: z.array(z.object({ source: z.string().max(256), value: z.string().max(1024) })).max(50),
  /** Package records of the corporate VPN clients running here (Linux, dpkg), so their paths are vouched for. */
  packages: z.array(PackageRecord).max(50).optional(),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;
