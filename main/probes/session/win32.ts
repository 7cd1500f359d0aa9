import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import { sessionFromWin32 } from './parse-win32';
import type { SessionInfo } from './session';

export const win32SessionCommands = {
  session: powershell(
    'Add-Type -AssemblyName System.Windows.Forms;' +
      "$q=try{(qwinsta.exe 2>$null)|Out-String}catch{''};" +
      '[pscustomobject]@{SessionName=$env:SESSIONNAME;' +
      'RemoteSession=[System.Windows.Forms.SystemInformation]::TerminalServerSession;Qwinsta=$q}|ConvertTo-Json -Depth 4 -Compress',
  ),
};

export async function readWin32Session(host: Host): Promise<SessionInfo> {
  const output = await runCommand(host, win32SessionCommands.session);
  return sessionFromWin32(decodeJson(output, 'qwinsta / SM_REMOTESESSION'));
}
