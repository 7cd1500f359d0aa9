import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import type { ProcessInfo } from './process';
import { processesFromWin32 } from './parse-win32';

export const win32ProcessCommands = {
  processes: powershell(
    'Get-CimInstance Win32_Process|Select-Object Name,ExecutablePath,ProcessId,ParentProcessId,CommandLine|ConvertTo-Json -Depth 4 -Compress',
  ),
};

export async function readWin32Processes(host: Host): Promise<ProcessInfo[]> {
  const output = await runCommand(host, win32ProcessCommands.processes);
  const processes = processesFromWin32(decodeJson(output, 'Get-CimInstance Win32_Process'));
  if (processes.length === 0) throw new Error('Win32_Process listed no processes');
  return processes;
}
