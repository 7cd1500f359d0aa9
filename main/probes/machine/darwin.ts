import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import type { MachineInfo } from './machine';
import { machineFromDarwin } from './parse-darwin';

export const darwinMachineCommands = {
  sysctl: { file: 'sysctl', args: ['kern.hv_vmm_present', 'machdep.cpu.brand_string', 'hw.model'] },
  platform: { file: 'ioreg', args: ['-rd1', '-c', 'IOPlatformExpertDevice'] },
} satisfies Record<string, Command>;

export async function readDarwinMachine(host: Host): Promise<MachineInfo> {
  const [sysctl, platform] = await Promise.all([
    runCommand(host, darwinMachineCommands.sysctl),
    runCommand(host, darwinMachineCommands.platform),
  ]);
  return machineFromDarwin(sysctl, platform);
}
