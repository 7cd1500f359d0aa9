import type { Platform } from '../contract/checks';
import type { AppState } from './app/app-state';
import type { CameraInfo } from './cameras/camera';
import type { DisplayInfo } from './displays/display';
import type { Host } from './host';
import type { MachineInfo } from './machine/machine';
import type { NetworkInfo } from './network/network';
import type { ProcessInfo } from './processes/process';
import type { RuntimeFacts } from './runtime/runtime';
import type { ServiceInfo } from './services/service';
import type { SessionInfo } from './session/session';
import type { SocketInfo } from './sockets/socket';
import type { UsbDevice } from './usb/usb-device';

/** Everything a probe can tell, by probe id. Checks name the ids they need and get these shapes. */
export interface ProbeFacts {
  processes: ProcessInfo[];
  services: ServiceInfo[];
  sockets: SocketInfo[];
  displays: DisplayInfo[];
  usb: UsbDevice[];
  cameras: CameraInfo[];
  machine: MachineInfo;
  network: NetworkInfo;
  session: SessionInfo;
  app: AppState;
  runtime: RuntimeFacts;
}
export type ProbeId = keyof ProbeFacts;

export type ProbeReader<K extends ProbeId> = (host: Host) => Promise<ProbeFacts[K]>;

/** Each probe's reader per platform; a platform without one makes the checks that need it n/a. */
export type ProbeSet = { [K in ProbeId]: Partial<Record<Platform, ProbeReader<K>>> };
