import { z } from 'zod';

const Text = z.string().max(256).nullable();

/** A PCI function by its ids (Linux /sys/bus/pci/devices): paravirtual and emulated hardware have their own. */
export const PciFunction = z.object({
  vendorId: z.string().max(8),
  productId: z.string().max(8),
  /** Emulators stamp their own subsystem vendor on every device they emulate (QEMU 1af4, VMware 15ad). */
  subsystemVendorId: z.string().max(8).nullable(),
  driver: z.string().max(64).nullable(),
});
export type PciFunction = z.infer<typeof PciFunction>;

/**
 * The hardware structure a VM cannot hide by rewriting its DMI strings (Linux): its PCI functions,
 * virtio devices and how they are attached, Hyper-V VMBus devices, QEMU's firmware configuration
 * device, firmware (ACPI) device ids, and which drivers are bound to a device, built in or not.
 */
export const VirtualHardware = z.object({
  pci: z.array(PciFunction).max(1024),
  /** Devices on the virtio bus, by transport: pci (a virtio PCI function) or mmio (microVMs). */
  virtio: z
    .array(z.object({ transport: z.enum(['pci', 'mmio', 'other']), deviceType: z.number().int() }))
    .max(256),
  vmbusDevices: z.number().int(),
  /** /sys/firmware/qemu_fw_cfg exists (QEMU's fw_cfg device, read by its driver). */
  qemuFwCfg: z.boolean(),
  /** Distinct ACPI hardware ids of the firmware's devices (/sys/bus/acpi/devices). */
  acpiIds: z.array(z.string().max(16)).max(1024),
  /** Drivers with at least one device bound, as bus/driver (built into the kernel or a module). */
  boundDrivers: z.array(z.string().max(128)).max(4096),
});
export type VirtualHardware = z.infer<typeof VirtualHardware>;

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
  virtualHardware: VirtualHardware.optional(),
});
export type MachineInfo = z.infer<typeof MachineInfo>;
