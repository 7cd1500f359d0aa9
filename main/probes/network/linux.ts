import type { Host } from '../host';
import { parseEnviron } from '../session/parse-linux';
import { hasLink, listFolder, readAttribute } from '../sysfs';
import type { NetworkInfo, NetworkInterface } from './network';
import {
  defaultRoutesV4,
  defaultRoutesV6,
  interfaceKind,
  isUp,
  parseEnvironmentFile,
  proxiesIn,
} from './parse-linux';

/** Interfaces from /sys/class/net, default routes from /proc/net, proxies from the environment. */
export async function readLinuxNetwork(host: Host): Promise<NetworkInfo> {
  const names = (await listFolder(host, '/sys/class/net')).sort();
  const [interfaces, route4, route6, environ, etcEnvironment] = await Promise.all([
    Promise.all(names.map((name) => readInterface(host, name))),
    readAttribute(host, '/proc/net/route'),
    readAttribute(host, '/proc/net/ipv6_route'),
    host.readText('/proc/self/environ').catch(() => ''),
    readAttribute(host, '/etc/environment'),
  ]);
  return {
    interfaces,
    defaultRoutes: [...new Set([...defaultRoutesV4(route4 ?? ''), ...defaultRoutesV6(route6 ?? '')])],
    proxies: [
      ...proxiesIn(parseEnviron(environ), 'environment'),
      ...proxiesIn(parseEnvironmentFile(etcEnvironment ?? ''), '/etc/environment'),
    ],
  };
}

async function readInterface(host: Host, name: string): Promise<NetworkInterface> {
  const folder = `/sys/class/net/${name}`;
  const [address, type, operstate, flags, physical, wireless, phy, tun] = await Promise.all([
    readAttribute(host, `${folder}/address`),
    readAttribute(host, `${folder}/type`),
    readAttribute(host, `${folder}/operstate`),
    readAttribute(host, `${folder}/flags`),
    hasLink(host, `${folder}/device`),
    listFolder(host, `${folder}/wireless`).then((entries) => entries.length > 0),
    hasLink(host, `${folder}/phy80211`),
    readAttribute(host, `${folder}/tun_flags`).then((value) => value !== null),
  ]);
  const typeNumber = type !== null && /^\d+$/.test(type.trim()) ? Number(type.trim()) : null;
  const mac = address?.trim().toLowerCase() ?? '';
  return {
    name,
    mac: /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(mac) && mac !== '00:00:00:00:00:00' ? mac : null,
    physical,
    kind: interfaceKind({ name, type: typeNumber, physical, wireless: wireless || phy, tun }),
    up: isUp(operstate?.trim() ?? null, flags?.trim() ?? null),
  };
}
