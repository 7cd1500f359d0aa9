import type { EvidenceRow } from '../../contract/checks';
import { deviceSignatures } from '../../contract/device-signatures';
import type { Platform } from '../../contract/checks';
import type { MachineInfo, VirtualHardware } from '../../probes/machine/machine';
import type { NetworkInfo } from '../../probes/network/network';

const { vm } = deviceSignatures;

export interface VmSignal {
  /** strong: only a VM shows it; weak: bare-metal Windows with VBS/Hyper-V (or a Xen dom0) shows it too. */
  strength: 'strong' | 'weak';
  signal: string;
  value: string;
}

const DMI_FIELDS = ['sysVendor', 'productName', 'productVersion', 'boardVendor', 'biosVendor'] as const;

/** Every sign that the OS runs in a virtual machine, with how much it proves. */
export function vmSignals(machine: MachineInfo, network: NetworkInfo, platform: Platform): VmSignal[] {
  const signals: VmSignal[] = [];
  for (const field of DMI_FIELDS) {
    const value = machine[field];
    const prefix = value ? vm.dmiPrefixes.find((p) => value.startsWith(p)) : undefined;
    if (value && prefix) signals.push({ strength: 'strong', signal: `DMI ${field}`, value });
  }
  // Hyper-V guests say "Microsoft Corporation" like Surface laptops do; the product name tells them apart.
  if (machine.sysVendor?.startsWith('Microsoft') && machine.productName === 'Virtual Machine') {
    signals.push({ strength: 'strong', signal: 'DMI productName', value: 'Virtual Machine (Hyper-V guest)' });
  }
  const cpu = machine.cpuModel;
  if (cpu && vm.cpuModels.some((m) => cpu.includes(m)))
    signals.push({ strength: 'strong', signal: 'CPU model', value: cpu });
  for (const driver of machine.drivers.filter((d) => vm.guestDrivers.includes(d))) {
    signals.push({ strength: 'strong', signal: 'VM guest driver loaded', value: driver });
  }
  for (const nic of network.interfaces.filter((i) => i.physical && i.mac)) {
    const oui = vm.macOuis.find((o) => nic.mac!.startsWith(o.prefix));
    if (oui)
      signals.push({ strength: 'strong', signal: `MAC of ${nic.name}`, value: `${nic.mac} (${oui.vendor})` });
  }
  const vendor = machine.hypervisorVendor;
  if (vendor) {
    const name = vm.hypervisorVendors[vendor] ?? 'unknown hypervisor';
    signals.push({
      strength: vendor === vm.rootPartitionVendor ? 'weak' : 'strong',
      signal: 'hypervisor vendor',
      value: `${vendor} (${name})`,
    });
  }
  // macOS runs under a hypervisor only as a guest: no root partition, unlike Windows with VBS.
  if (machine.hypervisorPresent)
    signals.push({
      strength: platform === 'darwin' ? 'strong' : 'weak',
      signal: 'CPU hypervisor flag',
      value: 'set',
    });
  return machine.virtualHardware
    ? [...signals, ...structureSignals(machine, machine.virtualHardware)]
    : signals;
}

const normalised = (driver: string): string => driver.replace(/-/g, '_');

/**
 * What the machine is built of, which rewriting DMI strings does not change: paravirtual and
 * emulated PCI functions, virtio (virtio-mmio on microVMs), VMBus, QEMU's fw_cfg, VM firmware
 * devices, and guest drivers bound to a device even when built into the kernel.
 */
function structureSignals(machine: MachineInfo, hardware: VirtualHardware): VmSignal[] {
  const signals: VmSignal[] = [];
  const seen = new Set<string>();
  const once = (key: string, signal: VmSignal) => {
    if (!seen.has(key)) signals.push(signal);
    seen.add(key);
  };
  for (const f of hardware.pci) {
    const ids = `${f.vendorId}:${f.productId}`;
    const driver = f.driver ? `, driver ${f.driver}` : '';
    const paravirtual = vm.paravirtualPci.find(
      (p) => p.vendorId === f.vendorId && (p.productId === undefined || p.productId === f.productId),
    );
    if (paravirtual) {
      once(`pci ${f.vendorId}`, {
        strength: 'strong',
        signal: 'paravirtual PCI device',
        value: `${ids} (${paravirtual.device}${driver})`,
      });
      continue;
    }
    const emulator = vm.emulatedSubsystemVendors.find((e) => e.vendorId === f.subsystemVendorId);
    if (emulator && f.vendorId !== f.subsystemVendorId) {
      once(`subsystem ${emulator.vendorId}`, {
        strength: 'strong',
        signal: 'emulated PCI device',
        value: `${ids} with subsystem vendor ${emulator.vendorId} (${emulator.device})`,
      });
    }
  }
  for (const transport of new Set(hardware.virtio.map((v) => v.transport))) {
    const count = hardware.virtio.filter((v) => v.transport === transport).length;
    signals.push({
      strength: 'strong',
      signal: 'virtio devices',
      value: `${count} on ${transport === 'mmio' ? 'virtio-mmio (a microVM)' : transport}`,
    });
  }
  if (hardware.vmbusDevices > 0) {
    signals.push({
      strength: 'strong',
      signal: 'Hyper-V VMBus',
      value: `${hardware.vmbusDevices} device(s) on /sys/bus/vmbus`,
    });
  }
  if (hardware.qemuFwCfg)
    signals.push({ strength: 'strong', signal: 'QEMU fw_cfg', value: '/sys/firmware/qemu_fw_cfg' });
  for (const id of hardware.acpiIds) {
    const known = vm.firmwareIds.find((f) => f.id === id);
    if (known)
      once(`acpi ${known.device}`, {
        strength: 'strong',
        signal: 'VM firmware device',
        value: `ACPI ${id} (${known.device})`,
      });
  }
  const loaded = new Set(machine.drivers.map(normalised));
  for (const entry of hardware.boundDrivers) {
    const driver = normalised(entry.slice(entry.indexOf('/') + 1));
    if (vm.guestDrivers.includes(driver) && !loaded.has(driver)) {
      once(`driver ${driver}`, {
        strength: 'strong',
        signal: 'VM guest driver in use, built into the kernel',
        value: entry,
      });
    }
  }
  if (hardware.pci.length === 0 && signals.length > 0) {
    signals.push({ strength: 'weak', signal: 'no PCI bus', value: 'none: a microVM trait' });
  }
  return signals;
}

export const vmRow = (s: VmSignal): EvidenceRow => ({
  signal: s.signal,
  value: s.value,
  strength: s.strength,
});
