import { inCidr } from '../../contract/cidr';
import type { EvidenceRow } from '../../contract/checks';
import type { VpnPolicy } from '../../contract/policy';
import type { NetworkInfo, NetworkInterface } from '../../probes/network/network';
import type { ProcessInfo } from '../../probes/processes/process';
import { isApproved, vpnClientOf, vpnClientOfInterface, type VpnClient } from './vpn-clients';

/** approved: the company's VPN; consumer: a product used to hide a location; unexplained: any other tunnel. */
export type TunnelVerdict = 'approved' | 'consumer' | 'unexplained';

export interface JudgedTunnel {
  verdict: TunnelVerdict;
  row: EvidenceRow & { interface: string; vpn: string | null; defaultRoute: boolean };
}

/**
 * Each tunnel interface that is up, judged by what cannot be renamed into the company's VPN:
 * - the process holding it (Linux /proc fdinfo, where this user may read it) is an approved
 *   corporate client running from its installed path, and dpkg vouches for that file;
 * - where the holder cannot be read (it runs as root, the check as the hire), a tun device is
 *   credited to an approved, package-verified client that is running, one device per client, and
 *   only while no consumer client runs;
 * - or the HR service received the report from one of the company's egress ranges.
 * A consumer client (by its process, path or interface naming) is never approved.
 */
export function judgeTunnels(
  network: NetworkInfo,
  processes: readonly ProcessInfo[],
  vpn: VpnPolicy,
  reportAddress: string | undefined,
): { tunnels: JudgedTunnel[]; idleConsumers: EvidenceRow[] } {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const verified = (path: string | null) =>
    path !== null && (network.packages ?? []).some((r) => r.path === path && r.verified);
  const running = processes.flatMap((process) => {
    const match = vpnClientOf(process);
    return match ? [{ process, ...match }] : [];
  });
  const approvedRunning = running.filter(
    (r) =>
      r.client.kind === 'corporate' &&
      r.by === 'path' &&
      isApproved(vpn.approvedClients, r.client) &&
      verified(r.process.path),
  );
  const consumerRunning = running.filter((r) => r.client.kind === 'consumer');
  const egress = reportAddress ? vpn.egressRanges.find((range) => inCidr(reportAddress, range)) : undefined;
  // One tun device per approved client running, each client once; none while a consumer client runs.
  const creditable =
    consumerRunning.length > 0
      ? []
      : approvedRunning.filter((r, i) => approvedRunning.findIndex((o) => o.client === r.client) === i);

  const tunnels = network.interfaces
    .filter((i) => i.kind === 'tunnel' && i.up && !isSystemTunnel(i, network.defaultRoutes))
    .map((iface): JudgedTunnel => {
      const owners = (iface.owners ?? []).flatMap((pid) => byPid.get(pid) ?? []);
      const ownerMatch = owners.map(vpnClientOf).find((m) => m !== null) ?? null;
      const client: VpnClient | null = ownerMatch?.client ?? vpnClientOfInterface(iface.name);
      const owner = owners[0] ?? null;
      const base = {
        interface: iface.name,
        kind: iface.kind,
        up: iface.up,
        defaultRoute: network.defaultRoutes.includes(iface.name),
        vpn: client?.name ?? null,
        vpnKind: client?.kind ?? null,
        ownerPid: owner?.pid ?? null,
        owner: owner?.name ?? null,
        ownerPath: owner?.path ?? null,
      };
      if (client?.kind === 'consumer') return { verdict: 'consumer', row: base };
      if (egress) return approved(base, `report received from the company's egress range ${egress}`);
      if (owners.some((o) => approvedRunning.some((r) => r.process.pid === o.pid)))
        return approved(base, 'tunnel held by the approved client at its package-verified path');
      const credited = owners.length === 0 && iface.owners !== undefined ? creditable.shift() : undefined;
      if (credited) {
        return approved(
          {
            ...base,
            vpn: credited.client.name,
            vpnKind: credited.client.kind,
            clientPath: credited.process.path,
          },
          'approved client running at its package-verified path (the tunnel’s holder is not readable as this user)',
        );
      }
      const why =
        client?.kind !== 'corporate'
          ? 'an unidentified tunnel'
          : !isApproved(vpn.approvedClients, client)
            ? "not approved by the company's policy"
            : owner && !ownerMatch
              ? `held by ${owner.name}, not by ${client.name}`
              : 'its client is not running from a package-verified installed path';
      return { verdict: 'unexplained', row: { ...base, approved: false, why } };
    });

  const connected = new Set(tunnels.map((t) => t.row.vpn));
  const idleConsumers = [...new Set(consumerRunning.map((r) => r.client.name))]
    .filter((name) => !connected.has(name))
    .map((name) => ({ vpn: name, vpnKind: 'consumer', state: 'client running, no tunnel up' }));
  return { tunnels, idleConsumers };
}

/**
 * macOS creates utuns for its own services (iCloud, Handoff, Back to My Mac): they hold only a
 * link-local address and carry no default route, so no traffic can be tunnelled through them.
 * A VPN's tunnel is given an address (NEPacketTunnelNetworkSettings) or takes the default route.
 */
function isSystemTunnel(iface: NetworkInterface, defaultRoutes: readonly string[]): boolean {
  return iface.addressed === false && !defaultRoutes.includes(iface.name);
}

function approved(row: JudgedTunnel['row'], by: string): JudgedTunnel {
  return { verdict: 'approved', row: { ...row, approved: true, approvedBy: by } };
}
