import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import { servicesFromWin32 } from './parse-win32';
import type { ServiceInfo } from './service';

export const win32ServiceCommands = {
  services: powershell(
    'Get-CimInstance Win32_Service|Select-Object Name,DisplayName,State,StartMode,PathName|ConvertTo-Json -Depth 4 -Compress',
  ),
};

export async function readWin32Services(host: Host): Promise<ServiceInfo[]> {
  const output = await runCommand(host, win32ServiceCommands.services);
  return servicesFromWin32(decodeJson(output, 'Get-CimInstance Win32_Service'));
}
