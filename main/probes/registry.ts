import type { AppRuntime } from './app/app-state';
import { appReaders } from './app/read-app';
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
  // Only the running program knows how it was started: `probesFor` fills this in.
  app: {},
};

/** The probes for an app started as `runtime` says (the Electron main's, or the CLI's from source). */
export function probesFor(runtime: AppRuntime): ProbeSet {
  return { ...probes, app: appReaders(runtime) };
}
