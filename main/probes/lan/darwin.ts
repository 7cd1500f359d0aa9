import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import { unavailable, type LanInfo, type LanReading } from './lan';
import { DARWIN_BSSID_WITHHELD, gatewayMacFromArp, parseRouteGetDefault } from './parse-darwin';

export const darwinLanCommands = {
  route: { file: 'route', args: ['-n', 'get', 'default'] },
} satisfies Record<string, Command>;

/** `arp -n` for the gateway the route named: asked only once the route is known. */
const arpOf = (ip: string): Command => ({ file: 'arp', args: ['-n', ip] });

/** The default gateway's MAC from the routing table and the ARP cache; the BSSID is withheld by macOS. */
export async function readDarwinLan(host: Host): Promise<LanInfo> {
  const gateway = await runCommand(host, darwinLanCommands.route).then(parseRouteGetDefault, () => null);
  const gatewayMac: LanReading = !gateway
    ? unavailable('no IPv4 default route through a gateway')
    : await runCommand(host, arpOf(gateway.ip)).then(
        (output) => gatewayMacFromArp(output, gateway),
        (error: unknown) => unavailable(`arp did not answer: ${String(error).slice(0, 200)}`),
      );
  return { gatewayMac, bssid: unavailable(DARWIN_BSSID_WITHHELD) };
}
