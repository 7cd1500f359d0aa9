import { describe, expect, it } from 'vitest';
import { machineFromDarwin } from '../../../main/probes/machine/parse-darwin';
import { recordedText } from '../../support/replay-host';

const machine = (scenario: string) =>
  machineFromDarwin(
    recordedText('darwin', scenario, 'sysctl.txt'),
    recordedText('darwin', scenario, 'ioreg-platform.txt'),
  );

describe('macOS machine from sysctl and the platform expert', () => {
  it('reads an Apple silicon MacBook Air', () => {
    expect(machine('clean-macbook')).toEqual({
      hypervisorPresent: false,
      hypervisorVendor: null,
      cpuModel: 'Apple M2',
      sysVendor: 'Apple Inc.',
      productName: 'Mac14,2',
      productVersion: null,
      boardVendor: null,
      biosVendor: null,
      chassisType: null,
      drivers: [],
    });
  });

  it('reads an Intel MacBook Pro', () => {
    expect(machine('obs-virtual-camera')).toMatchObject({
      cpuModel: 'Intel(R) Core(TM) i7-9750H CPU @ 2.60GHz',
      productName: 'MacBookPro16,1',
      productVersion: 'MacBookPro16,1',
    });
  });

  it('sees the hypervisor bit and a VM model', () => {
    const vm = machineFromDarwin(
      'kern.hv_vmm_present: 1\nmachdep.cpu.brand_string: Apple M2 (Virtual)\nhw.model: VirtualMac2,1\n',
      '    {\n      "manufacturer" = <"Apple Inc.">\n      "model" = <"VirtualMac2,1">\n    }\n',
    );
    expect(vm).toMatchObject({ hypervisorPresent: true, productName: 'VirtualMac2,1' });
  });
});
