/** What the firmware and CPU say about the machine underneath the OS. */
export interface MachineInfo {
  /** CPUID hypervisor-present bit (Linux `hypervisor` cpu flag, macOS kern.hv_vmm_present). */
  hypervisorPresent: boolean;
  /** CPUID leaf 0x40000000 vendor, when known (KVMKVMKVM, Microsoft Hv, …). */
  hypervisorVendor: string | null;
  cpuModel: string | null;
  sysVendor: string | null;
  productName: string | null;
  productVersion: string | null;
  boardVendor: string | null;
  biosVendor: string | null;
  chassisType: number | null;
  /** Loaded kernel modules or drivers (Linux /proc/modules, Windows services of type driver). */
  drivers: string[];
}
