import nodeMachineId from 'node-machine-id';
import type { IdentityClaims } from '../../contract/identity';
import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import { claimsFromWindows } from './parse-win32';

/** One PowerShell run; Win32_Tpm needs an elevated token, so its failure is recorded, not fatal. */
const SCRIPT = `
$ErrorActionPreference = 'Stop'
$o = [ordered]@{
  bios = Get-CimInstance Win32_BIOS | Select-Object SerialNumber
  product = Get-CimInstance Win32_ComputerSystemProduct | Select-Object UUID, Vendor, Name
  board = Get-CimInstance Win32_BaseBoard | Select-Object Manufacturer, Product
  disks = @(Get-CimInstance Win32_DiskDrive | Select-Object Model, SerialNumber)
  nics = @(Get-CimInstance Win32_NetworkAdapter -Filter 'PhysicalAdapter=True' | Select-Object Name, MACAddress)
  cpu = @(Get-CimInstance Win32_Processor | Select-Object Name)
  system = Get-CimInstance Win32_ComputerSystem | Select-Object TotalPhysicalMemory
  tpm = $null
  tpmError = $null
}
try { $o.tpm = Get-CimInstance -Namespace root/cimv2/Security/MicrosoftTpm -ClassName Win32_Tpm | Select-Object SpecVersion }
catch { $o.tpmError = $_.Exception.Message }
$o | ConvertTo-Json -Depth 4 -Compress
`;

export const win32IdentityCommands = {
  identity: {
    file: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-Command', SCRIPT],
    timeoutMs: 20_000,
  },
} satisfies Record<string, Command>;

export async function readWin32Identity(host: Host): Promise<IdentityClaims> {
  const [id, json] = await Promise.all([
    // A recorded machine's id is not this machine's: only a live host asks the OS for it.
    host.sysroot === null ? nodeMachineId.machineId().catch(() => null) : null,
    runCommand(host, win32IdentityCommands.identity),
  ]);
  return claimsFromWindows(json, id);
}
