import { describe, expect, it } from 'vitest';
import { environmentVmCheck } from '../../../main/checks/catalogue/environment-vm';
import { networkTunnelCheck } from '../../../main/checks/catalogue/network-tunnel';
import { defaultPolicy } from '../../../main/contract/policy';
import type { MachineInfo } from '../../../main/probes/machine/machine';
import type { NetworkInfo, NetworkInterface } from '../../../main/probes/network/network';

const context = { policy: defaultPolicy, platform: 'linux' as const };

const bareMetal: MachineInfo = {
  hypervisorPresent: false,
  hypervisorVendor: null,
  cpuModel: 'Intel(R) Core(TM) i7-1165G7',
  sysVendor: 'Dell Inc.',
  productName: 'Latitude 7440',
  productVersion: null,
  boardVendor: 'Dell Inc.',
  biosVendor: 'Dell Inc.',
  chassisType: 10,
  // A laptop that hosts VMs loads the host-side modules: those are not guest drivers.
  drivers: ['kvm_intel', 'kvm', 'vboxdrv', 'vhost_net', 'i915'],
};
const nic = (fields: Partial<NetworkInterface>): NetworkInterface => ({
  name: 'eth0',
  mac: '3c:52:82:00:00:01',
  physical: true,
  kind: 'ethernet',
  up: true,
  ...fields,
});
const network = (fields: Partial<NetworkInfo> = {}): NetworkInfo => ({
  interfaces: [nic({})],
  defaultRoutes: ['eth0'],
  proxies: [],
  ...fields,
});

const vm = (machine: Partial<MachineInfo>, net = network()) =>
  environmentVmCheck.rule({ machine: { ...bareMetal, ...machine }, network: net }, context).status;

describe('environment.vm', () => {
  it('passes bare metal, even one that hosts VMs (vboxdrv, kvm, a VirtualBox host-only adapter)', () => {
    expect(
      vm(
        {},
        network({
          interfaces: [
            nic({}),
            nic({ name: 'vboxnet0', mac: '0a:00:27:00:00:00', physical: false, kind: 'virtual' }),
          ],
        }),
      ),
    ).toBe('pass');
  });

  it('only warns on the hypervisor flag or "Microsoft Hv" alone (bare-metal Windows with VBS)', () => {
    expect(vm({ hypervisorPresent: true })).toBe('warn');
    expect(vm({ hypervisorPresent: true, hypervisorVendor: 'Microsoft Hv' })).toBe('warn');
  });

  it('explains the flag alone by Windows security features only on Windows', () => {
    const flagOnly = (platform: 'linux' | 'win32') =>
      environmentVmCheck.rule(
        { machine: { ...bareMetal, hypervisorPresent: true }, network: network() },
        { ...context, platform },
      );
    expect(flagOnly('win32').remediation).toMatch(/Windows security features/);
    expect(flagOnly('win32').summary).toMatch(/Hyper-V\/VBS/);
    expect(`${flagOnly('linux').summary} ${flagOnly('linux').remediation}`).not.toMatch(/Windows|Hyper-V/);
  });

  it('fails macOS on its hypervisor flag alone: macOS sets kern.hv_vmm_present only as a guest', () => {
    // A lume guest's `sysctl` (test/fixtures/recorded/darwin/lume-macos-guest-sysctl).
    const darwin = environmentVmCheck.rule(
      { machine: { ...bareMetal, hypervisorPresent: true }, network: network() },
      { ...context, platform: 'darwin' },
    );
    expect(darwin.status).toBe('fail');
  });

  it("fails a guest of Apple's Virtualization framework by its CPU name or model identifier", () => {
    // A GitHub macos-latest runner (test/fixtures/recorded/darwin/github-runner-virtualmac-sysctl).
    expect(vm({ cpuModel: 'Apple M1 (Virtual)', productName: 'MacBookAir10,1' })).toBe('fail');
    expect(vm({ cpuModel: 'Apple M1', productName: 'VirtualMac2,1' })).toBe('fail');
    expect(vm({ cpuModel: 'Apple M1 Max', productName: 'MacBookPro18,2' })).toBe('pass');
  });

  it('fails a Hyper-V guest, a VMware guest by its MAC, and a VirtualBox guest by its driver', () => {
    expect(
      vm({
        hypervisorPresent: true,
        hypervisorVendor: 'Microsoft Hv',
        sysVendor: 'Microsoft Corporation',
        productName: 'Virtual Machine',
      }),
    ).toBe('fail');
    expect(vm({}, network({ interfaces: [nic({ mac: '00:50:56:aa:bb:cc' })] }))).toBe('fail');
    expect(vm({ drivers: ['vboxguest'] })).toBe('fail');
    expect(vm({ hypervisorVendor: 'KVMKVMKVM' })).toBe('fail');
  });

  it('ignores a VM MAC prefix on a virtual interface (a Hyper-V switch on a Windows host)', () => {
    expect(
      vm(
        {},
        network({
          interfaces: [
            nic({ name: 'vEthernet', mac: '00:15:5d:01:02:03', physical: false, kind: 'virtual' }),
          ],
        }),
      ),
    ).toBe('pass');
  });
});

describe('network.tunnel', () => {
  const tunnel = (net: NetworkInfo) => networkTunnelCheck.rule({ network: net, processes: [] }, context);

  it('warns, never fails, on a VPN that carries the default route', () => {
    const outcome = tunnel(
      network({
        interfaces: [nic({}), nic({ name: 'tailscale0', mac: null, physical: false, kind: 'tunnel' })],
        defaultRoutes: ['tailscale0'],
      }),
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toContain('the default route goes through tailscale0');
  });

  it('passes a tunnel interface that is down, and warns on a proxy alone', () => {
    expect(
      tunnel(network({ interfaces: [nic({ name: 'wg0', kind: 'tunnel', up: false, physical: false })] }))
        .status,
    ).toBe('pass');
    expect(
      tunnel(network({ proxies: [{ source: 'environment HTTPS_PROXY', value: 'http://10.0.0.1:3128' }] }))
        .status,
    ).toBe('warn');
  });

  describe('by device structure (Linux), whatever the DMI strings say', () => {
    const hardware = (fields: Partial<NonNullable<MachineInfo['virtualHardware']>>) => ({
      virtualHardware: {
        pci: [{ vendorId: '8086', productId: '9a49', subsystemVendorId: '1028', driver: 'i915' }],
        virtio: [],
        vmbusDevices: 0,
        qemuFwCfg: false,
        acpiIds: ['PNP0A08', 'PNP0C0A'],
        boundDrivers: ['pci/i915', 'pci/xhci_hcd'],
        ...fields,
      },
    });

    it('passes a Dell whose PCI functions carry Dell subsystem ids', () => {
      expect(vm(hardware({}))).toBe('pass');
    });

    it.each([
      [
        'a virtio PCI function',
        { pci: [{ vendorId: '1af4', productId: '1041', subsystemVendorId: '1af4', driver: null }] },
      ],
      [
        'a VirtualBox guest service',
        { pci: [{ vendorId: '80ee', productId: 'cafe', subsystemVendorId: null, driver: null }] },
      ],
      [
        'an Intel chipset emulated by QEMU',
        { pci: [{ vendorId: '8086', productId: '29c0', subsystemVendorId: '1af4', driver: null }] },
      ],
      ['virtio-mmio', { pci: [], virtio: [{ transport: 'mmio' as const, deviceType: 1 }] }],
      ['VMBus', { vmbusDevices: 3 }],
      ['fw_cfg', { qemuFwCfg: true }],
      ['the fw_cfg ACPI device alone', { acpiIds: ['QEMU0002'] }],
      ['a guest driver built into the kernel and bound', { boundDrivers: ['vmbus/hv_netvsc'] }],
    ])('fails %s', (_what, fields) => {
      expect(vm(hardware(fields))).toBe('fail');
    });

    it('does not count a Hyper-V device id that is not Hyper-V video, nor a built-in driver with no device', () => {
      expect(
        vm(
          hardware({ pci: [{ vendorId: '1414', productId: '0001', subsystemVendorId: null, driver: null }] }),
        ),
      ).toBe('pass');
      // Ubuntu builds virtio drivers in; bare metal has nothing bound to them.
      expect(vm(hardware({ boundDrivers: ['pci/i915'] }))).toBe('pass');
    });

    it('says a bound guest driver is built in only when no module of that name is loaded', () => {
      const evidence = environmentVmCheck.rule(
        {
          machine: {
            ...bareMetal,
            ...hardware({ boundDrivers: ['virtio/virtio_net'] }),
            drivers: ['virtio_net'],
          },
          network: network(),
        },
        context,
      ).evidence;
      expect(evidence).toEqual([
        { signal: 'VM guest driver loaded', value: 'virtio_net', strength: 'strong' },
      ]);
    });
  });
});
