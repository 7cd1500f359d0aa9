import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import { unavailable, type LanInfo } from './lan';
import { lanFromWin32 } from './parse-win32';

export const win32LanCommands = {
  lan: powershell(
    "$r=Get-NetRoute -DestinationPrefix '0.0.0.0/0' -ErrorAction SilentlyContinue|Sort-Object RouteMetric|Select-Object -First 1 NextHop,InterfaceAlias,ifIndex;" +
      '$n=if($r){Get-NetNeighbor -IPAddress $r.NextHop -InterfaceIndex $r.ifIndex -ErrorAction SilentlyContinue|' +
      "Select-Object -First 1 LinkLayerAddress,@{n='State';e={[string]$_.State}}};" +
      '$w=(netsh.exe wlan show interfaces 2>&1)|Out-String;' +
      '[pscustomobject]@{Route=$r|Select-Object NextHop,InterfaceAlias;Neighbor=$n;Wlan=$w}|ConvertTo-Json -Depth 3 -Compress',
  ),
};

/** The default gateway's MAC from Get-NetRoute and Get-NetNeighbor; the BSSID from netsh (location permission on 24H2). */
export async function readWin32Lan(host: Host): Promise<LanInfo> {
  return runCommand(host, win32LanCommands.lan).then(
    (output) => lanFromWin32(decodeJson(output, 'Get-NetRoute')),
    (error: unknown) => {
      const reason = `PowerShell did not answer: ${String(error).slice(0, 200)}`;
      return { gatewayMac: unavailable(reason), bssid: unavailable(reason) };
    },
  );
}
