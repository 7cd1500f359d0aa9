import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import { readAttribute } from '../sysfs';
import { unavailable, type LanInfo, type LanReading } from './lan';
import { bssidFromNmcli, defaultGateway, gatewayMacFromArp } from './parse-linux';

export const linuxLanCommands = {
  // NetworkManager's cached scan (no new scan, no root): what desktop Linux laptops run.
  wifi: { file: 'nmcli', args: ['-t', '-f', 'ACTIVE,BSSID', 'dev', 'wifi', 'list', '--rescan', 'no'] },
} satisfies Record<string, Command>;

/** The gateway's MAC from /proc/net/route and /proc/net/arp; the BSSID from NetworkManager. */
export async function readLinuxLan(host: Host): Promise<LanInfo> {
  const [route, arp] = await Promise.all([
    readAttribute(host, '/proc/net/route'),
    readAttribute(host, '/proc/net/arp'),
  ]);
  const gateway = defaultGateway(route ?? '');
  const gatewayMac: LanReading = !gateway
    ? unavailable('no IPv4 default route through a gateway')
    : gatewayMacFromArp(arp ?? '', gateway);
  const bssid = await runCommand(host, linuxLanCommands.wifi).then(bssidFromNmcli, (error: unknown) =>
    unavailable(
      `NetworkManager (nmcli) did not answer: ${String(error instanceof Error ? error.message : error).slice(0, 200)}`,
    ),
  );
  return { gatewayMac, bssid };
}
