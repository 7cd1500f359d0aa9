import { createHash } from 'node:crypto';
import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import type { DisplayInfo } from './display';
import { displaysFromWin32 } from './parse-win32';

export const win32DisplayCommands = {
  displays: powershell(
    '$c=@(Get-CimInstance Win32_VideoController|Select-Object Name,PNPDeviceID,AdapterCompatibility);' +
      '$p=@{};Get-CimInstance -Namespace root\\wmi -ClassName WmiMonitorConnectionParams -ErrorAction SilentlyContinue|' +
      'ForEach-Object{$p[$_.InstanceName]=$_.VideoOutputTechnology};' +
      '$m=@(Get-CimInstance -Namespace root\\wmi -ClassName WmiMonitorID -ErrorAction SilentlyContinue|ForEach-Object{' +
      "$k='HKLM:\\SYSTEM\\CurrentControlSet\\Enum\\'+($_.InstanceName -replace '_\\d+$','')+'\\Device Parameters';" +
      '$e=(Get-ItemProperty -LiteralPath $k -Name EDID -ErrorAction SilentlyContinue).EDID;' +
      '[pscustomobject]@{InstanceName=$_.InstanceName;Active=$_.Active;ManufacturerName=$_.ManufacturerName;' +
      'ProductCodeID=$_.ProductCodeID;SerialNumberID=$_.SerialNumberID;UserFriendlyName=$_.UserFriendlyName;' +
      'WeekOfManufacture=$_.WeekOfManufacture;YearOfManufacture=$_.YearOfManufacture;' +
      'VideoOutputTechnology=$p[$_.InstanceName];EDID=$(if($e){[Convert]::ToBase64String($e)}else{$null})}});' +
      '[pscustomobject]@{Monitors=$m;Adapters=$c}|ConvertTo-Json -Depth 4 -Compress',
  ),
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function readWin32Displays(host: Host): Promise<DisplayInfo[]> {
  const output = await runCommand(host, win32DisplayCommands.displays);
  return displaysFromWin32(decodeJson(output, 'WmiMonitorID'), sha256);
}
