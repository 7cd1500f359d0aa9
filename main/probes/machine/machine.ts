import { z } from 'zod';

const Text = z.string().max(256).nullable();

/** What the firmware and CPU say about the machine underneath the OS. */
export const MachineInfo = z.object({
  /** CPUID hypervisor-present bit (Linux `hypervisor` cpu flag, macOS kern.hv_vmm_present). */
  hypervisorPresent: z.boolean(),
  /** CPUID leaf 0x40000000 vendor, when known (KVMKVMKVM, Microsoft Hv, …). */
  hypervisorVendor: Text,
  cpuModel: Text,
  sysVendor: Text,
  productName: Text,
  productVersion: Text,
  boardVendor: Text,
  biosVendor: Text,
  chassisType: z.number().int().nullable(),
  /** Loaded kernel modules or drivers (Linux /proc/modules, Windows services of type driver). */
  drivers: z.array(z.string().max(128)).max(5000),
});
export type MachineInfo = z.infer<typeof MachineInfo>;
