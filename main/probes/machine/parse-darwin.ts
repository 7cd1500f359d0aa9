import type { MachineInfo } from './machine';

/** `sysctl name…`: `name: value` lines. */
export function parseSysctl(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([\w.]+): (.*)$/.exec(line.replace(/\r$/, ''));
    if (match) values.set(match[1] ?? '', (match[2] ?? '').trim());
  }
  return values;
}

/** `ioreg -rd1 -c IOPlatformExpertDevice`: `"key" = "text"` or `"key" = <"text">` properties. */
export function parseIoregStrings(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^[\s|]*"([^"]+)" = <?"((?:[^"\\]|\\.)*)">?\s*$/.exec(line);
    // A key printed twice belongs to a nested object further down: the first is the device's own.
    if (match && !values.has(match[1] ?? '')) values.set(match[1] ?? '', match[2] ?? '');
  }
  return values;
}

/** The CPU's hypervisor bit (kern.hv_vmm_present) and what the platform expert says the machine is. */
export function machineFromDarwin(sysctlText: string, ioregText: string): MachineInfo {
  const sysctl = parseSysctl(sysctlText);
  const platform = parseIoregStrings(ioregText);
  return {
    hypervisorPresent: sysctl.get('kern.hv_vmm_present') === '1',
    hypervisorVendor: null,
    cpuModel: sysctl.get('machdep.cpu.brand_string') || null,
    sysVendor: platform.get('manufacturer') || null,
    productName: platform.get('model') || sysctl.get('hw.model') || null,
    productVersion: platform.get('product-name') || null,
    boardVendor: null,
    biosVendor: null,
    chassisType: null,
    drivers: [],
  };
}
