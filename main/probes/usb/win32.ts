import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import { usbDevicesFromWin32 } from './parse-win32';
import type { UsbDevice } from './usb-device';

/** The product string the device itself reported is a device property, not a WMI column. */
export const win32UsbCommands = {
  usb: powershell(
    '$d=@(Get-CimInstance Win32_PnPEntity -Filter "PNPDeviceID LIKE \'USB\\\\VID_%\'"|' +
      'Select-Object PNPDeviceID,Name,Manufacturer,PNPClass,Status,CompatibleID);' +
      '$b=@{};if($d.Count -gt 0){Get-PnpDeviceProperty -InstanceId $d.PNPDeviceID -KeyName DEVPKEY_Device_BusReportedDeviceDesc ' +
      '-ErrorAction SilentlyContinue|ForEach-Object{$b[$_.InstanceId]=$_.Data}};' +
      "$d|Select-Object *,@{n='BusReportedDeviceDesc';e={$b[$_.PNPDeviceID]}}|ConvertTo-Json -Depth 4 -Compress",
  ),
};

export async function readWin32Usb(host: Host): Promise<UsbDevice[]> {
  const output = await runCommand(host, win32UsbCommands.usb);
  return usbDevicesFromWin32(decodeJson(output, 'Win32_PnPEntity USB'));
}
