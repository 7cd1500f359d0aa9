import { describe, expect, it } from 'vitest';
import { sysrootHost } from '../../../main/probes/host';
import { readLinuxMachine } from '../../../main/probes/machine/linux';
import { sysroot } from '../../support/sysroots';

describe('readLinuxMachine', () => {
  it('reads the CPU, DMI and modules of a QEMU guest', async () => {
    const machine = await readLinuxMachine(sysrootHost(sysroot('qemu-vm')));
    expect(machine).toMatchObject({
      hypervisorPresent: true,
      cpuModel: 'QEMU Virtual CPU version 2.5+',
      sysVendor: 'QEMU',
      productName: 'Standard PC (Q35 + ICH9, 2009)',
      boardVendor: null,
      biosVendor: 'SeaBIOS',
      chassisType: 1,
    });
    expect(machine.drivers).toContain('virtio_net');
  });

  it('reads a laptop, treating a garbage chassis type as unknown', async () => {
    const laptop = await readLinuxMachine(sysrootHost(sysroot('laptop')));
    expect(laptop).toMatchObject({ hypervisorPresent: false, sysVendor: 'LENOVO', chassisType: 10 });
    expect((await readLinuxMachine(sysrootHost(sysroot('malformed-devices')))).chassisType).toBeNull();
  });

  it('reads the device structure a VM with rewritten DMI strings keeps', async () => {
    const qemu = await readLinuxMachine(sysrootHost(sysroot('qemu-vm-hidden-dmi')));
    expect(qemu).toMatchObject({ sysVendor: 'LENOVO', hypervisorPresent: false, drivers: [] });
    expect(qemu.virtualHardware).toEqual({
      pci: [
        { vendorId: '8086', productId: '29c0', subsystemVendorId: '1af4', driver: null },
        { vendorId: '1af4', productId: '1041', subsystemVendorId: '1af4', driver: 'virtio-pci' },
        { vendorId: '1af4', productId: '1042', subsystemVendorId: '1af4', driver: 'virtio-pci' },
        { vendorId: '8086', productId: '2918', subsystemVendorId: '1af4', driver: 'lpc_ich' },
      ],
      virtio: [
        { transport: 'pci', deviceType: 1 },
        { transport: 'pci', deviceType: 2 },
      ],
      vmbusDevices: 0,
      qemuFwCfg: true,
      acpiIds: ['PNP0103', 'PNP0A08', 'QEMU0002'],
      boundDrivers: ['pci/lpc_ich', 'pci/virtio-pci', 'virtio/virtio_blk', 'virtio/virtio_net'],
    });
    const microvm = await readLinuxMachine(sysrootHost(sysroot('firecracker-virtio-mmio')));
    expect(microvm.virtualHardware).toMatchObject({
      pci: [],
      virtio: [
        { transport: 'mmio', deviceType: 1 },
        { transport: 'mmio', deviceType: 2 },
      ],
    });
  });

  it('reads a laptop whose PCI functions carry its maker’s subsystem ids', async () => {
    const laptop = await readLinuxMachine(sysrootHost(sysroot('developer-laptop')));
    expect(laptop.virtualHardware?.pci.map((f) => f.subsystemVendorId)).toEqual([
      '17aa',
      '17aa',
      '17aa',
      '8086',
      '17aa',
    ]);
    expect(laptop.virtualHardware?.boundDrivers).toEqual(
      expect.arrayContaining(['pci/i915', 'pci/iwlwifi', 'pci/mei_me', 'pci/xhci_hcd']),
    );
    expect(laptop.virtualHardware).toMatchObject({ virtio: [], vmbusDevices: 0, qemuFwCfg: false });
  });
});
