import { z } from 'zod';
import type { ProcessInfo } from '../../probes/processes/process';
import clients from '../../reference/vpn-clients.json';
import { globToRegExp } from '../remote/glob';

/** Corporate clients can be approved by the company's policy; consumer ones are how a location is hidden. */
export const VpnKind = z.enum(['corporate', 'consumer']);
export type VpnKind = z.infer<typeof VpnKind>;

const Entry = z.object({
  name: z.string(),
  kind: VpnKind,
  linux: z.object({
    /** Where the vendor's package installs the client's programs (globs). */
    executables: z.array(z.string().startsWith('/')),
    /** Process names: they only ever name a product in evidence, never approve one. */
    names: z.array(z.string()),
    /** The vendor's interface naming: as above, evidence only. */
    interfaces: z.array(z.string()),
  }),
  source: z.string(),
});

export interface VpnClient {
  name: string;
  kind: VpnKind;
  executables: RegExp[];
  names: Set<string>;
  interfaces: RegExp[];
}

/** VPN clients by where their vendors install them (main/reference/vpn-clients.json, each with its source). */
export const vpnClients: readonly VpnClient[] = z
  .array(Entry)
  .parse(clients)
  .map((entry) => ({
    name: entry.name,
    kind: entry.kind,
    executables: entry.linux.executables.map(globToRegExp),
    names: new Set(entry.linux.names.map((n) => n.toLowerCase())),
    interfaces: entry.linux.interfaces.map(globToRegExp),
  }));

/** The client whose installed program runs at `path`. */
export function vpnClientAtPath(path: string | null): VpnClient | null {
  if (!path) return null;
  return vpnClients.find((client) => client.executables.some((p) => p.test(path))) ?? null;
}

/**
 * The client a process belongs to, by its installed path or, failing that, its name, with which of
 * the two said so: only a path can be package-verified.
 */
export function vpnClientOf(process: ProcessInfo): { client: VpnClient; by: 'path' | 'name' } | null {
  const atPath = vpnClientAtPath(process.path);
  if (atPath) return { client: atPath, by: 'path' };
  const byName = vpnClients.find((client) => client.names.has(process.name.toLowerCase()));
  return byName ? { client: byName, by: 'name' } : null;
}

/** The product whose naming an interface follows (nordlynx, wg0-mullvad): evidence only. */
export function vpnClientOfInterface(name: string): VpnClient | null {
  return vpnClients.find((client) => client.interfaces.some((p) => p.test(name))) ?? null;
}

export function isApproved(approvedClients: readonly string[], client: VpnClient): boolean {
  return approvedClients.some((name) => name.toLowerCase() === client.name.toLowerCase());
}
