import type { EvidenceRow } from '../../contract/checks';
import { deviceSignatures } from '../../contract/device-signatures';
import type { MachineInfo } from '../../probes/machine/machine';
import type { NetworkInfo } from '../../probes/network/network';

const { vm } = deviceSignatures;

export interface VmSignal {
  /** strong: only a VM shows it; weak: bare-metal Windows with VBS/Hyper-V shows it too. */
  strength: 'strong' | 'weak';
  signal: string;
  value: string;
}

const DMI_FIELDS = ['sysVendor', 'productName', 'productVersion', 'boardVendor', 'biosVendor'] as const;

/** Every sign that the OS runs in a virtual machine, with how much it proves. */
export function vmSignals(machine: MachineInfo, network: NetworkInfo): VmSignal[] {
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
  if (cpu && vm.cpuModels.some((m) => cpu.startsWith(m)))
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
  if (machine.hypervisorPresent)
    signals.push({ strength: 'weak', signal: 'CPU hypervisor flag', value: 'set' });
  return signals;
}

export const vmRow = (s: VmSignal): EvidenceRow => ({
  signal: s.signal,
  value: s.value,
  strength: s.strength,
});
