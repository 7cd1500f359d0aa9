import { readLinuxCameras } from './cameras/linux';
import { readLinuxDisplays } from './displays/linux';
import type { ProbeSet } from './facts';
import { readLinuxMachine } from './machine/linux';
import { readLinuxNetwork } from './network/linux';
import { readLinuxProcesses } from './processes/linux';
import { readLinuxServices } from './services/linux';
import { readLinuxSession } from './session/linux';
import { readLinuxSockets } from './sockets/linux';
import { readLinuxUsb } from './usb/linux';

/** Every probe, per platform. OS access happens only behind these readers. */
export const probes: ProbeSet = {
  processes: { linux: readLinuxProcesses },
  services: { linux: readLinuxServices },
  sockets: { linux: readLinuxSockets },
  session: { linux: readLinuxSession },
  displays: { linux: readLinuxDisplays },
  usb: { linux: readLinuxUsb },
  cameras: { linux: readLinuxCameras },
  machine: { linux: readLinuxMachine },
  network: { linux: readLinuxNetwork },
};
