import type { InterfaceKind } from './network';

/** Pure parsers for Linux networking facts: interface kinds, route tables, proxy settings. */

const RTF_UP = 0x1;
const RTF_REJECT = 0x200;

/** ARPHRD_* types in /sys/class/net/<if>/type that are not hardware links (if_arp.h). */
const TUNNEL_TYPES = new Set([
  65534, // ARPHRD_NONE: tun, WireGuard
  512, // ARPHRD_PPP
  768, // ARPHRD_TUNNEL (ipip)
  769, // ARPHRD_TUNNEL6
  776, // ARPHRD_SIT
  778, // ARPHRD_IPGRE
  823, // ARPHRD_IP6GRE
]);
const LOOPBACK_TYPE = 772;

/** VPN and overlay interface names (tun/tap, WireGuard, Tailscale, ZeroTier, PPP, IPsec, vendor clients). */
export const TUNNEL_NAME =
  /^(tun|tap|wg|tailscale|zt|ppp|utun|ipsec|vti|nordlynx|proton|mullvad|gpd|cscotun)/;

export interface InterfaceFacts {
  name: string;
  type: number | null;
  physical: boolean;
  wireless: boolean;
  /** tun/tap devices carry a tun_flags attribute. */
  tun: boolean;
}

export function interfaceKind(facts: InterfaceFacts): InterfaceKind {
  if (facts.type === LOOPBACK_TYPE || facts.name === 'lo') return 'loopback';
  if (facts.tun || (facts.type !== null && TUNNEL_TYPES.has(facts.type)) || TUNNEL_NAME.test(facts.name)) {
    return 'tunnel';
  }
  if (facts.wireless) return 'wireless';
  if (!facts.physical) return 'virtual';
  return facts.type === 1 ? 'ethernet' : 'other';
}

/** operstate "unknown" is normal for tun and WireGuard links: then IFF_UP in `flags` decides. */
export function isUp(operstate: string | null, flags: string | null): boolean {
  if (operstate === 'up') return true;
  return operstate === 'unknown' && flags !== null && (parseInt(flags, 16) & 0x1) === 1;
}

/**
 * Routes that take all traffic, as /proc/net/route spells them (little-endian hex): 0.0.0.0/0, and
 * the 0.0.0.0/1 + 128.0.0.0/1 pair VPN clients add to override it (OpenVPN's redirect-gateway def1).
 */
const CATCH_ALL = new Set(['00000000/00000000', '00000000/00000080', '00000080/00000080']);

/** Interfaces with a usable default (or default-overriding) route in /proc/net/route (IPv4). */
export function defaultRoutesV4(text: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter(([, destination, , flags, , , , mask]) => CATCH_ALL.has(`${destination}/${mask}`) && up(flags))
    .map(([iface]) => iface!);
}

/** Interfaces with a usable default route in /proc/net/ipv6_route (::/0, up, not a reject route). */
export function defaultRoutesV6(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length === 10 && /^0{32}$/.test(f[0]!) && f[1] === '00' && up(f[8]))
    .map((f) => f[9]!);
}

function up(flags: string | undefined): boolean {
  const value = parseInt(flags ?? '', 16);
  return !Number.isNaN(value) && (value & RTF_UP) !== 0 && (value & RTF_REJECT) === 0;
}

/** /etc/environment: KEY=value lines, values optionally quoted, # comments. */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) env[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return env;
}

const PROXY_VARIABLES = /^(https?|ftp|all|socks)_proxy$/i;

/** Proxy variables with a value, each labelled with where it was read. */
export function proxiesIn(env: Record<string, string>, source: string): { source: string; value: string }[] {
  return Object.entries(env)
    .filter(([name, value]) => PROXY_VARIABLES.test(name) && value.trim() !== '')
    .map(([name, value]) => ({ source: `${source} ${name}`, value }));
}

/** A tun/tap file descriptor's /proc/PID/fdinfo names its interface: `iff:\tzcctun0` (drivers/net/tun.c). */
export function tunInterfaceOf(fdinfo: string): string | null {
  const match = /^iff:\t(\S+)$/m.exec(fdinfo);
  return match ? match[1]! : null;
}
