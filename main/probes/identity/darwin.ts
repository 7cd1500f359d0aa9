import nodeMachineId from 'node-machine-id';
import type { IdentityClaims } from '../../contract/identity';
import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import { claimsFromDarwin } from './parse-darwin';

export const darwinIdentityCommands = {
  platform: { file: 'ioreg', args: ['-rd1', '-c', 'IOPlatformExpertDevice'] },
  hardware: {
    file: 'system_profiler',
    args: ['-json', 'SPHardwareDataType', 'SPNVMeDataType', 'SPiBridgeDataType'],
    timeoutMs: 20_000,
  },
  hardwarePorts: { file: 'networksetup', args: ['-listallhardwareports'] },
} satisfies Record<string, Command>;

export async function readDarwinIdentity(host: Host): Promise<IdentityClaims> {
  const [id, ioreg, profile, hardwarePorts] = await Promise.all([
    // A recorded machine's id is not this machine's: only a live host asks the OS for it.
    host.sysroot === null ? nodeMachineId.machineId().catch(() => null) : null,
    runCommand(host, darwinIdentityCommands.platform),
    runCommand(host, darwinIdentityCommands.hardware),
    runCommand(host, darwinIdentityCommands.hardwarePorts).catch(() => ''),
  ]);
  return claimsFromDarwin({ machineId: id, ioreg, profile, hardwarePorts });
}
