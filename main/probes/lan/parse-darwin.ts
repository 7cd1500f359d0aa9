import { macReading, unavailable, type LanReading } from './lan';

/** `route -n get default`: the `gateway:` and `interface:` lines (none when there is no default route). */
export function parseRouteGetDefault(output: string): { ip: string; iface: string } | null {
  const field = (name: string) => new RegExp(`^\\s*${name}:\\s*(\\S+)\\s*$`, 'm').exec(output)?.[1];
  const ip = field('gateway');
  const iface = field('interface');
  return ip && iface && /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? { ip, iface } : null;
}

/** `arp -n <gateway>`: `? (192.168.1.1) at a0:63:91:2b:4c:1d on en0 ifscope [ethernet]`, or `(incomplete)`. */
export function gatewayMacFromArp(output: string, gateway: { ip: string; iface: string }): LanReading {
  const line = output
    .split('\n')
    .find((l) => l.includes(`(${gateway.ip})`) && new RegExp(`\\bon ${gateway.iface}\\b`).test(l));
  const mac = line ? /\bat (\S+)/.exec(line)?.[1] : undefined;
  return mac
    ? macReading(mac, `the gateway ${gateway.ip} has no resolved MAC (${mac})`)
    : unavailable(`the gateway ${gateway.ip} is not in the ARP cache of ${gateway.iface}`);
}

/**
 * Since macOS 14 the BSSID is shown only to an app the user granted Location Services (CoreWLAN
 * returns nil, `system_profiler SPAirPortDataType` omits it, `wdutil info` prints <redacted>).
 * HireProof does not ask for the hire's location, so on a Mac the BSSID is always unavailable.
 */
export const DARWIN_BSSID_WITHHELD =
  'macOS shows the Wi-Fi BSSID only to apps granted Location Services (macOS 14 and later); HireProof does not ask for location';
