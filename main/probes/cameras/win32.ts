import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import type { CameraInfo } from './camera';
import { camerasFromWin32 } from './parse-win32';

/** 64- and 32-bit registrations of DirectShow video sources (OBS registers both). */
const DIRECTSHOW_SOURCES = [
  'Registry::HKEY_CLASSES_ROOT\\CLSID\\{860BB310-5D01-11D0-BD3B-00A0C911CE86}\\Instance',
  'Registry::HKEY_CLASSES_ROOT\\WOW6432Node\\CLSID\\{860BB310-5D01-11D0-BD3B-00A0C911CE86}\\Instance',
];

export const win32CameraCommands = {
  cameras: powershell(
    "$p=@(Get-CimInstance Win32_PnPEntity -Filter \"PNPClass='Camera' OR PNPClass='Image'\"|" +
      'Select-Object PNPDeviceID,Name,Manufacturer,PNPClass,Service,Status);' +
      `$s=@(foreach($k in @('${DIRECTSHOW_SOURCES.join("','")}')){if(Test-Path $k){Get-ChildItem $k|ForEach-Object{` +
      '$i=Get-ItemProperty $_.PSPath;[pscustomobject]@{CLSID=$i.CLSID;FriendlyName=$i.FriendlyName}}}});' +
      '[pscustomobject]@{Devices=$p;DirectShow=$s}|ConvertTo-Json -Depth 4 -Compress',
  ),
};

export async function readWin32Cameras(host: Host): Promise<CameraInfo[]> {
  const output = await runCommand(host, win32CameraCommands.cameras);
  return camerasFromWin32(decodeJson(output, 'Win32_PnPEntity cameras'));
}
