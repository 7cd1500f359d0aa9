import type { AppRuntime } from './app/app-state';
import { appReaders } from './app/read-app';
import { readDarwinCameras } from './cameras/darwin';
import { readLinuxCameras } from './cameras/linux';
import { readWin32Cameras } from './cameras/win32';
import { readDarwinDisplays } from './displays/darwin';
import { readLinuxDisplays } from './displays/linux';
import { readWin32Displays } from './displays/win32';
import type { Platform } from '../contract/checks';
import type { ProbeId, ProbeSet } from './facts';
import { readLinuxInput } from './input/linux';
import { readDarwinLan } from './lan/darwin';
import { readLinuxLan } from './lan/linux';
import { readWin32Lan } from './lan/win32';
import { readDarwinMachine } from './machine/darwin';
import { readLinuxMachine } from './machine/linux';
import { readWin32Machine } from './machine/win32';
import { readDarwinNetwork } from './network/darwin';
import { readLinuxNetwork } from './network/linux';
import { readWin32Network } from './network/win32';
import { readDarwinProcesses } from './processes/darwin';
import { readLinuxProcesses } from './processes/linux';
import { readWin32Processes } from './processes/win32';
import { readLinuxRuntime } from './runtime/linux';
import { readDarwinServices } from './services/darwin';
import { readLinuxServices } from './services/linux';
import { readWin32Services } from './services/win32';
import { readDarwinSession } from './session/darwin';
import { readLinuxSession } from './session/linux';
import { readWin32Session } from './session/win32';
import { readDarwinSockets } from './sockets/darwin';
import { readLinuxSockets } from './sockets/linux';
import { readWin32Sockets } from './sockets/win32';
import { readDarwinUsb } from './usb/darwin';
import { readLinuxUsb } from './usb/linux';
import { readWin32Usb } from './usb/win32';

/** Every probe, per platform. OS access happens only behind these readers. */
export const probes: ProbeSet = {
  processes: { linux: readLinuxProcesses, darwin: readDarwinProcesses, win32: readWin32Processes },
  services: { linux: readLinuxServices, darwin: readDarwinServices, win32: readWin32Services },
  sockets: { linux: readLinuxSockets, darwin: readDarwinSockets, win32: readWin32Sockets },
  session: { linux: readLinuxSession, darwin: readDarwinSession, win32: readWin32Session },
  displays: { linux: readLinuxDisplays, darwin: readDarwinDisplays, win32: readWin32Displays },
  usb: { linux: readLinuxUsb, darwin: readDarwinUsb, win32: readWin32Usb },
  cameras: { linux: readLinuxCameras, darwin: readDarwinCameras, win32: readWin32Cameras },
  machine: { linux: readLinuxMachine, darwin: readDarwinMachine, win32: readWin32Machine },
  network: { linux: readLinuxNetwork, darwin: readDarwinNetwork, win32: readWin32Network },
  // Linux only so far: on macOS and Windows runtime.tamper is n/a.
  runtime: { linux: readLinuxRuntime },
  // Linux only so far: input.injected is n/a on macOS and Windows (planned).
  input: { linux: readLinuxInput },
  lan: { linux: readLinuxLan, darwin: readDarwinLan, win32: readWin32Lan },
  // Only the running program knows how it was started: `probesFor` fills this in.
  app: {},
};

/** Whether HireProof has a reader for this probe on this platform (the app reads itself everywhere). */
export function probeReadable(id: ProbeId, platform: Platform): boolean {
  return id === 'app' || probes[id][platform] !== undefined;
}

/** The probes for an app started as `runtime` says (the Electron main's, or the CLI's from source). */
export function probesFor(runtime: AppRuntime): ProbeSet {
  return { ...probes, app: appReaders(runtime) };
}
