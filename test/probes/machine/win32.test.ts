import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { machineFromWin32 } from '../../../main/probes/machine/parse-win32';
import { recordedText } from '../../support/replay-host';

const machine = (scenario: string) =>
  machineFromWin32(decodeJson(recordedText('win32', scenario, 'machine.json'), 'test'));

describe('Windows machine from CIM', () => {
  it('reads a VirtualBox guest: vendor, model and its guest drivers', () => {
    const vm = machine('virtualbox-vm');
    expect(vm).toMatchObject({
      hypervisorPresent: true,
      sysVendor: 'innotek GmbH',
      productName: 'VirtualBox',
      chassisType: 1,
    });
    expect(vm.drivers).toEqual(expect.arrayContaining(['VBoxGuest', 'VBoxWddm']));
  });

  it('reports the hypervisor bit of a bare-metal Dell with VBS as it is, beside its real vendor', () => {
    expect(machine('dell-vbs')).toMatchObject({
      hypervisorPresent: true,
      sysVendor: 'Dell Inc.',
      productName: 'Latitude 7440',
      biosVendor: 'Dell Inc.',
      chassisType: 10,
    });
  });

  it('reads a clean ThinkPad', () => {
    expect(machine('clean-laptop')).toMatchObject({
      hypervisorPresent: false,
      sysVendor: 'LENOVO',
      productVersion: 'ThinkPad X1 Carbon Gen 9',
    });
  });

  it('gives nulls, not a crash, for an empty answer', () => {
    expect(machineFromWin32({})).toMatchObject({
      hypervisorPresent: false,
      sysVendor: null,
      chassisType: null,
      drivers: [],
    });
  });
});
