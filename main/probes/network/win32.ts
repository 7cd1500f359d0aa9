import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import type { NetworkInfo } from './network';
import { networkFromWin32 } from './parse-win32';

export const win32NetworkCommands = {
  network: powershell(
    "$a=@(Get-NetAdapter -ErrorAction SilentlyContinue|Select-Object Name,InterfaceDescription,MacAddress,@{n='Status';e={[string]$_.Status}}," +
      "Virtual,HardwareInterface,@{n='MediaType';e={[string]$_.MediaType}},ifIndex);" +
      "$r=@(Get-NetRoute -DestinationPrefix '0.0.0.0/0','::/0','0.0.0.0/1','128.0.0.0/1' -ErrorAction SilentlyContinue|" +
      'Select-Object DestinationPrefix,InterfaceAlias,RouteMetric);' +
      "$i=Get-ItemProperty 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings' -ErrorAction SilentlyContinue|" +
      'Select-Object ProxyEnable,ProxyServer,AutoConfigURL;' +
      '$w=(netsh.exe winhttp show proxy)|Out-String;' +
      '[pscustomobject]@{Adapters=$a;Routes=$r;InternetSettings=$i;WinHttp=$w}|ConvertTo-Json -Depth 4 -Compress',
  ),
};

export async function readWin32Network(host: Host): Promise<NetworkInfo> {
  const output = await runCommand(host, win32NetworkCommands.network);
  return networkFromWin32(decodeJson(output, 'Get-NetAdapter'));
}
