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
});
