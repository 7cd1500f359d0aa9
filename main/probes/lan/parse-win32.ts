import { z } from 'zod';
import { macReading, unavailable, type LanInfo, type LanReading } from './lan';

/** What the PowerShell script prints: the default route, its gateway's neighbour entry, and `netsh wlan show interfaces`. */
const Win32Lan = z.object({
  Route: z.object({ NextHop: z.string(), InterfaceAlias: z.string() }).nullish(),
  Neighbor: z
    .object({ LinkLayerAddress: z.string().nullish(), State: z.union([z.string(), z.number()]).nullish() })
    .nullish(),
  Wlan: z.string().nullish(),
});

/**
 * Windows 11 24H2 refuses WLAN details to apps without location permission: netsh prints this
 * instead of the interfaces (and the Wi-Fi APIs return no BSSID).
 */
const LOCATION_REFUSAL = /location permission/i;

/** `netsh wlan show interfaces`: the connected interface's `BSSID` (or `AP BSSID`) line. */
export function bssidFromNetsh(output: string): LanReading {
  if (LOCATION_REFUSAL.test(output))
    return unavailable(
      'Windows shows the Wi-Fi BSSID only to apps granted location permission (Windows 11 24H2 and later); HireProof does not ask for location',
    );
  if (!/^\s*State\s*:\s*connected\s*$/im.test(output)) return unavailable('not connected to a Wi-Fi network');
  const bssid = /^\s*(?:AP )?BSSID\s*:\s*(\S+)\s*$/im.exec(output)?.[1];
  return macReading(bssid, 'netsh printed no BSSID');
}

export function lanFromWin32(json: unknown): LanInfo {
  const { Route: route, Neighbor: neighbor, Wlan: wlan } = Win32Lan.parse(json);
  const gatewayMac: LanReading =
    !route || route.NextHop === '0.0.0.0'
      ? unavailable('no IPv4 default route through a gateway')
      : macReading(
          neighbor?.LinkLayerAddress,
          `the gateway ${route.NextHop} is not in the neighbour cache of ${route.InterfaceAlias}`,
        );
  return { gatewayMac, bssid: bssidFromNetsh(wlan ?? '') };
}
