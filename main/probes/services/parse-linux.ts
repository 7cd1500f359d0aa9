import type { ServiceInfo } from './service';

export interface UnitListing {
  dir: string;
  units: string[];
  enabled: string[];
}

export function servicesFromUnitListings(
  listings: readonly UnitListing[],
  initScripts: readonly string[],
): ServiceInfo[] {
  const enabled = new Set(listings.flatMap((l) => l.enabled));
  const byName = new Map<string, ServiceInfo>();
  for (const { dir, units } of listings) {
    for (const unit of units.filter((u) => u.endsWith('.service'))) {
      if (byName.has(unit)) continue;
      const instanceOf = unit.replace(/@[^.]*\.service$/, '@.service');
      const isEnabled =
        enabled.has(unit) ||
        [...enabled].some((e) => e.replace(/@[^.]*\.service$/, '@.service') === instanceOf);
      byName.set(unit, { name: unit, state: isEnabled ? 'enabled' : 'disabled', path: `${dir}/${unit}` });
    }
  }
  for (const script of initScripts) {
    if (!byName.has(`${script}.service`)) {
      byName.set(script, { name: script, state: 'unknown', path: `/etc/init.d/${script}` });
    }
  }
  return [...byName.values()];
}
