import type { ProbeFacts } from '../../main/probes/facts';

/** A quiet machine: every probe's facts empty, to be overridden by a test. */
export function facts(overrides: Partial<ProbeFacts> = {}): ProbeFacts {
  return {
    processes: [],
    services: [],
    sockets: [],
    displays: [],
    usb: [],
    cameras: [],
    machine: {
      hypervisorPresent: false,
      hypervisorVendor: null,
      cpuModel: null,
      sysVendor: null,
      productName: null,
      productVersion: null,
      boardVendor: null,
      biosVendor: null,
      chassisType: null,
      drivers: [],
    },
    network: { interfaces: [], defaultRoutes: [], proxies: [] },
    lan: {
      gatewayMac: { state: 'unavailable', reason: 'no IPv4 default route through a gateway' },
      bssid: { state: 'unavailable', reason: 'not connected to a Wi-Fi network' },
    },
    session: { env: {}, loginSessions: [], flags: [] },
    app: {
      packaged: false,
      version: '0.1.0',
      executablePath: '/usr/bin/node',
      signature: null,
      fuseWires: null,
      asar: null,
    },
    runtime: {
      selfPid: 4242,
      executable: '/opt/HireProof/hireproof',
      preloads: [],
      mappedLibraries: [],
      nodeFlags: [],
      uidMap: ['0 0 4294967295'],
      tracer: null,
      pidNamespace: { self: 'pid:[4026531836]', pid1: 'pid:[4026531836]' },
      pid1: { comm: 'systemd', exe: '/usr/lib/systemd/systemd', isSelf: false, isAncestor: true },
      ancestors: [{ pid: 1650, comm: 'gnome-shell' }],
      processTable: { visible: 4, kernelThreads: true, onlyOwnTree: false },
      procHidepid: null,
      sandbox: { flatpak: false, snap: null, apparmor: null, container: null },
    },
    input: [],
    ...overrides,
  };
}
