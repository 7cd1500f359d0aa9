import type { Host } from '../host';
import { readAttribute } from '../sysfs';
import type { MachineInfo } from './machine';
import { hypervisorVendorFromSysfs, parseChassisType, parseCpuinfo, parseProcModules } from './parse-linux';
import { readVirtualHardware } from './virtual-hardware';

/** Loaded kernel modules; a kernel without module support (or a sysroot without the file) has none. */
export async function readLinuxModules(host: Host): Promise<string[]> {
  return parseProcModules((await readAttribute(host, '/proc/modules')) ?? '');
}

/** CPU flags, DMI strings (/sys/class/dmi/id), loaded modules and device structure. Absent files are unknowns. */
export async function readLinuxMachine(host: Host): Promise<MachineInfo> {
  const dmi = (name: string): Promise<string | null> =>
    readAttribute(host, `/sys/class/dmi/id/${name}`).then((value) => value?.trim() || null);
  const [
    cpuinfo,
    hypervisorType,
    drivers,
    sysVendor,
    productName,
    productVersion,
    boardVendor,
    biosVendor,
    chassis,
    virtualHardware,
  ] = await Promise.all([
    readAttribute(host, '/proc/cpuinfo'),
    readAttribute(host, '/sys/hypervisor/type'),
    readLinuxModules(host),
    dmi('sys_vendor'),
    dmi('product_name'),
    dmi('product_version'),
    dmi('board_vendor'),
    dmi('bios_vendor'),
    dmi('chassis_type'),
    readVirtualHardware(host),
  ]);
  const cpu = parseCpuinfo(cpuinfo ?? '');
  return {
    hypervisorPresent: cpu.hypervisorPresent,
    hypervisorVendor: hypervisorVendorFromSysfs(hypervisorType?.trim() ?? null),
    cpuModel: cpu.cpuModel,
    sysVendor,
    productName,
    productVersion,
    boardVendor,
    biosVendor,
    chassisType: parseChassisType(chassis),
    drivers,
    virtualHardware,
  };
}
