import { defineCheck } from '../check';
import { vmRow, vmSignals } from '../presence/vm-signals';

export const environmentVmCheck = defineCheck({
  id: 'environment.vm',
  title: 'Virtual machine',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['machine', 'network'],
  severity: 'high',
  rationale:
    'A virtual machine can be driven from anywhere and hides the real hardware. Firmware (DMI) names, ' +
    'VM guest drivers (loaded, or built into the kernel and bound to a device), VM network card prefixes, the ' +
    'hypervisor vendor, and on Linux the device structure a VM cannot hide by rewriting its DMI strings: ' +
    'paravirtual and emulated PCI functions, virtio (virtio-mmio on microVMs), VMBus, QEMU fw_cfg and VM ' +
    'firmware devices. The CPU hypervisor flag ' +
    'alone is only a warning (bare-metal Windows with Hyper-V/VBS sets it too), except on macOS, which sets ' +
    'kern.hv_vmm_present only as a guest.',
  remediation:
    'Run HireProof directly on the company laptop, not inside a virtual machine, then press Re-check.',
  rule({ machine, network }, { platform }) {
    const signals = vmSignals(machine, network, platform);
    const strong = signals.filter((s) => s.strength === 'strong');
    const evidence = signals.map(vmRow);
    if (strong.length > 0) {
      return {
        status: 'fail',
        summary: `This is a virtual machine: ${strong.map((s) => `${s.signal} ${s.value}`).join('; ')}.`,
        evidence,
      };
    }
    if (signals.length > 0) {
      return {
        status: 'warn',
        summary:
          `A hypervisor is present (${signals.map((s) => `${s.signal} ${s.value}`).join('; ')}), with no other ` +
          `sign of a VM${platform === 'win32' ? ': bare-metal Windows with Hyper-V/VBS looks the same' : ''}.`,
        evidence,
        // Only Windows has an honest reason for the flag alone (its own security features run under Hyper-V).
        remediation:
          platform === 'win32'
            ? 'Nothing to fix if this is the company laptop with Windows security features on; IT will review.'
            : 'Nothing to fix if this is the company laptop as IT set it up; IT will review.',
      };
    }
    return { status: 'pass', summary: 'No sign of a virtual machine.', evidence: [] };
  },
});
