/** Pure parsers for what Linux says about the machine: /proc/cpuinfo and /proc/modules. */

export interface CpuFacts {
  hypervisorPresent: boolean;
  cpuModel: string | null;
}

/** The first CPU's model and flags (every CPU reports the same hypervisor bit). */
export function parseCpuinfo(text: string): CpuFacts {
  const field = (name: string): string | null => {
    const match = new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(text);
    return match ? match[1]!.trim() : null;
  };
  const flags = (field('flags') ?? '').split(/\s+/);
  return { hypervisorPresent: flags.includes('hypervisor'), cpuModel: field('model name') };
}

/** Loaded module names, the first word of each /proc/modules line. */
export function parseProcModules(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => /^[\w-]+$/.test(name));
}

/** SMBIOS chassis type: a small decimal number; anything else is unknown. */
export function parseChassisType(text: string | null): number | null {
  return text !== null && /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Xen exposes itself in /sys/hypervisor/type; the other hypervisors' CPUID leaf is not in sysfs. */
export function hypervisorVendorFromSysfs(type: string | null): string | null {
  return type === 'xen' ? 'XenVMMXenVMM' : null;
}
