import { macReading, unavailable, type LanReading } from './lan';

const RTF_UP = 0x1;
const RTF_GATEWAY = 0x2;
/** /proc/net/arp `Flags`: ATF_COM, the entry is complete (its MAC was resolved). */
const ATF_COM = 0x2;

/** The IPv4 default route's gateway and interface, from /proc/net/route (lowest metric first). */
export function defaultGateway(route: string): { ip: string; iface: string } | null {
  const routes = route
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 8 && f[1] === '00000000' && f[7] === '00000000')
    .map(([iface, , gateway, flags, , , metric]) => ({
      iface: iface!,
      gateway: gateway!,
      flags: Number.parseInt(flags!, 16),
      metric: Number(metric),
    }))
    .filter((r) => (r.flags & RTF_UP) !== 0 && (r.flags & RTF_GATEWAY) !== 0)
    .sort((a, b) => a.metric - b.metric);
  const best = routes[0];
  if (!best || !/^[0-9A-Fa-f]{8}$/.test(best.gateway)) return null;
  // The kernel prints the address in host byte order: little-endian on every laptop CPU.
  const bytes = Buffer.from(best.gateway, 'hex').reverse();
  return { ip: [...bytes].join('.'), iface: best.iface };
}

/** The gateway's MAC from /proc/net/arp: its complete entry on the route's interface. */
export function gatewayMacFromArp(arp: string, gateway: { ip: string; iface: string }): LanReading {
  const entry = arp
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .find((f) => f.length >= 6 && f[0] === gateway.ip && f[5] === gateway.iface);
  if (!entry || (Number.parseInt(entry[2]!, 16) & ATF_COM) === 0)
    return unavailable(`the gateway ${gateway.ip} is not in the ARP cache of ${gateway.iface}`);
  return macReading(entry[3], `the gateway ${gateway.ip} has no resolved MAC`);
}

/**
 * The BSSID of the access point NetworkManager is connected to: `nmcli -t -f ACTIVE,BSSID dev wifi
 * list --rescan no` prints one `yes:` or `no:` line per access point, colons in the BSSID escaped.
 */
export function bssidFromNmcli(output: string): LanReading {
  const active = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('yes:'));
  if (!active) return unavailable('not connected to a Wi-Fi network');
  return macReading(active.slice(4).replace(/\\:/g, ':'), 'NetworkManager printed no BSSID');
}
