import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import type { MachineInfo } from './machine';
import { machineFromWin32 } from './parse-win32';

export const win32MachineCommands = {
  machine: powershell(
    '[pscustomobject]@{' +
      'ComputerSystem=(Get-CimInstance Win32_ComputerSystem|Select-Object Manufacturer,Model,SystemFamily,HypervisorPresent);' +
      'ComputerSystemProduct=(Get-CimInstance Win32_ComputerSystemProduct|Select-Object Vendor,Name,Version);' +
      'BIOS=(Get-CimInstance Win32_BIOS|Select-Object Manufacturer,SMBIOSBIOSVersion,Version);' +
      'BaseBoard=(Get-CimInstance Win32_BaseBoard|Select-Object Manufacturer,Product);' +
      'Processor=@(Get-CimInstance Win32_Processor|Select-Object Name);' +
      'Enclosure=@(Get-CimInstance Win32_SystemEnclosure|Select-Object ChassisTypes);' +
      'Drivers=@(Get-CimInstance Win32_SystemDriver -Filter "State=\'Running\'"|Select-Object -ExpandProperty Name)' +
      '}|ConvertTo-Json -Depth 4 -Compress',
  ),
};

export async function readWin32Machine(host: Host): Promise<MachineInfo> {
  const output = await runCommand(host, win32MachineCommands.machine);
  return machineFromWin32(decodeJson(output, 'Win32_ComputerSystem'));
}
