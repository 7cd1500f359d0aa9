import { vpnClientAtPath } from '../../checks/network/vpn-clients';
import type { Host } from '../host';
import { dpkgRecords } from '../packages/linux';
import { readLinuxProcesses } from '../processes/linux';
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
  tunInterfaceOf,
} from './parse-linux';

/**
 * Interfaces from /sys/class/net (tun devices with the processes holding them), default routes
 * from /proc/net, proxies from the environment, and the package records of corporate VPN clients.
 */
export async function readLinuxNetwork(host: Host): Promise<NetworkInfo> {
  const names = (await listFolder(host, '/sys/class/net')).sort();
  const [read, route4, route6, environ, etcEnvironment] = await Promise.all([
    Promise.all(names.map((name) => readInterface(host, name))),
    readAttribute(host, '/proc/net/route'),
    readAttribute(host, '/proc/net/ipv6_route'),
    host.readText('/proc/self/environ').catch(() => ''),
    readAttribute(host, '/etc/environment'),
  ]);
  const owners = read.some((i) => i.tun) ? await tunOwners(host) : new Map<string, number[]>();
  const interfaces = read.map(({ tun, ...info }) =>
    tun ? { ...info, owners: owners.get(info.name) ?? [] } : info,
  );
  return {
    interfaces,
    defaultRoutes: [...new Set([...defaultRoutesV4(route4 ?? ''), ...defaultRoutesV6(route6 ?? '')])],
    proxies: [
      ...proxiesIn(parseEnviron(environ), 'environment'),
      ...proxiesIn(parseEnvironmentFile(etcEnvironment ?? ''), '/etc/environment'),
    ],
    // Only a tunnel that is up needs its client vouched for: no /proc scan on a laptop without one.
    packages: interfaces.some((i) => i.kind === 'tunnel' && i.up)
      ? await dpkgRecords(host, await corporateClientPaths(host))
      : [],
  };
}

/** Executables of corporate VPN clients running here (their exe, or an absolute argv[0] where exe is not readable). */
async function corporateClientPaths(host: Host): Promise<string[]> {
  const paths = (await readLinuxProcesses(host))
    .map((p) => p.path)
    .filter((path): path is string => vpnClientAtPath(path)?.kind === 'corporate');
  return [...new Set(paths)].sort();
}

/**
 * Which processes hold each tun/tap device: their /proc/PID/fd links to /dev/net/tun, and the
 * fdinfo of each names the interface. Another user's fd folder is not readable: skipped.
 */
async function tunOwners(host: Host): Promise<Map<string, number[]>> {
  const owners = new Map<string, number[]>();
  const pids = (await host.list('/proc').catch(() => [])).filter((entry) => /^\d+$/.test(entry));
  for (const pid of pids) {
    const fds = await host.list(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      if ((await host.readLink(`/proc/${pid}/fd/${fd}`).catch(() => '')) !== '/dev/net/tun') continue;
      const name = tunInterfaceOf(await host.readText(`/proc/${pid}/fdinfo/${fd}`).catch(() => ''));
      if (name && !(owners.get(name) ?? []).includes(Number(pid)))
        owners.set(name, [...(owners.get(name) ?? []), Number(pid)]);
    }
  }
  return owners;
}

async function readInterface(host: Host, name: string): Promise<NetworkInterface & { tun: boolean }> {
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
    tun,
  };
}
