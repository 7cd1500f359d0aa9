import nodeMachineId from 'node-machine-id';
import type { IdentityClaims } from '../../contract/identity';
import type { Host } from '../host';
import { claimsFromDarwin } from './parse-darwin';

export async function readDarwinIdentity(host: Host): Promise<IdentityClaims> {
  const [id, ioreg, profile, hardwarePorts] = await Promise.all([
    nodeMachineId.machineId().catch(() => null),
    host.run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']),
    host.run(
      'system_profiler',
      ['-json', 'SPHardwareDataType', 'SPNVMeDataType', 'SPiBridgeDataType'],
      20_000,
    ),
    host.run('networksetup', ['-listallhardwareports']).catch(() => ''),
  ]);
  return claimsFromDarwin({ machineId: id, ioreg, profile, hardwarePorts });
}
