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
});
