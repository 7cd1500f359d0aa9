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
    session: { env: {}, loginSessions: [], flags: [] },
    app: {
      packaged: false,
      version: '0.1.0',
      executablePath: '/usr/bin/node',
      signature: null,
      fuseWires: null,
      asar: null,
    },
    ...overrides,
  };
}
