import type { ProbeSet } from './facts';
import { readLinuxProcesses } from './processes/linux';
import { readLinuxServices } from './services/linux';
import { readLinuxSession } from './session/linux';
import { readLinuxSockets } from './sockets/linux';

/** Every probe, per platform. OS access happens only behind these readers. */
export const probes: ProbeSet = {
  processes: { linux: readLinuxProcesses },
  services: { linux: readLinuxServices },
  sockets: { linux: readLinuxSockets },
  session: { linux: readLinuxSession },
  displays: {},
  usb: {},
  cameras: {},
  machine: {},
  network: {},
};
