import type { Host } from '../host';
import type { ServiceInfo } from './service';
import { servicesFromUnitListings } from './parse-linux';

const UNIT_DIRS = [
  '/etc/systemd/system',
  '/lib/systemd/system',
  '/usr/lib/systemd/system',
  '/etc/systemd/user',
  '/usr/lib/systemd/user',
];

/** systemd units and SysV scripts; a unit linked into a `*.wants` folder is enabled. */
export async function readLinuxServices(host: Host): Promise<ServiceInfo[]> {
  const listings = await Promise.all(
    UNIT_DIRS.map(async (dir) => {
      const entries = await host.list(dir).catch(() => []);
      const wants = await Promise.all(
        entries.filter((e) => e.endsWith('.wants')).map((w) => host.list(`${dir}/${w}`).catch(() => [])),
      );
      return { dir, units: entries, enabled: wants.flat() };
    }),
  );
  const initScripts = await host.list('/etc/init.d').catch(() => []);
  return servicesFromUnitListings(listings, initScripts);
}
