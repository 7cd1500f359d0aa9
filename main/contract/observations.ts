import { z } from 'zod';
import { AppState } from '../probes/app/app-state';
import { CameraInfo } from '../probes/cameras/camera';
import { DisplayInfo } from '../probes/displays/display';
import { InputDevice } from '../probes/input/input-device';
import { LanInfo } from '../probes/lan/lan';
import { MachineInfo } from '../probes/machine/machine';
import { NetworkInfo } from '../probes/network/network';
import { ProcessInfo } from '../probes/processes/process';
import { RuntimeFacts } from '../probes/runtime/runtime';
import { ServiceInfo } from '../probes/services/service';
import { SessionInfo } from '../probes/session/session';
import { SocketInfo } from '../probes/sockets/socket';
import { UsbDevice } from '../probes/usb/usb-device';
import { Platform } from './checks';

/**
 * What each probe reads, as the device sends it: the minimised inventories the check rules read,
 * so the HR service can re-derive every check (and apply a newer catalogue) from the signed report.
 */
export const probeFactSchemas = {
  processes: z.array(ProcessInfo).max(10_000),
  services: z.array(ServiceInfo).max(10_000),
  sockets: z.array(SocketInfo).max(10_000),
  session: SessionInfo,
  displays: z.array(DisplayInfo).max(64),
  usb: z.array(UsbDevice).max(512),
  cameras: z.array(CameraInfo).max(64),
  machine: MachineInfo,
  network: NetworkInfo,
  app: AppState,
  runtime: RuntimeFacts,
  input: z.array(InputDevice).max(512),
  /** For the HR service's farm signals alone (no device check reads it): see `SERVER_PROBES`. */
  lan: LanInfo,
};
export type ProbeId = keyof typeof probeFactSchemas;
export type ProbeFacts = { [K in ProbeId]: z.infer<(typeof probeFactSchemas)[K]> };

/** One probe's reading: its facts, why it could not be read, or that this platform has no reader. */
const readingOf = <T extends z.ZodType>(facts: T) =>
  z.discriminatedUnion('state', [
    z.object({ state: z.literal('read'), facts }).strict(),
    z.object({ state: z.literal('error'), message: z.string().max(1_000) }).strict(),
    z.object({ state: z.literal('unavailable') }).strict(),
  ]);

export const ProbeReadings = z
  .object({
    processes: readingOf(probeFactSchemas.processes),
    services: readingOf(probeFactSchemas.services),
    sockets: readingOf(probeFactSchemas.sockets),
    session: readingOf(probeFactSchemas.session),
    displays: readingOf(probeFactSchemas.displays),
    usb: readingOf(probeFactSchemas.usb),
    cameras: readingOf(probeFactSchemas.cameras),
    machine: readingOf(probeFactSchemas.machine),
    network: readingOf(probeFactSchemas.network),
    app: readingOf(probeFactSchemas.app),
    runtime: readingOf(probeFactSchemas.runtime),
    input: readingOf(probeFactSchemas.input),
    lan: readingOf(probeFactSchemas.lan),
  })
  .partial()
  .strict();
export type ProbeReadings = z.infer<typeof ProbeReadings>;
export type ProbeReading = NonNullable<ProbeReadings[ProbeId]>;

/** Where the observations came from: the live OS, or a fixture machine given with `--sysroot` (tests only). */
export const ObservationSource = z.enum(['live', 'fixture']);
export type ObservationSource = z.infer<typeof ObservationSource>;

export const Observations = z
  .object({
    source: ObservationSource,
    platform: Platform,
    /** The rules and reference data the device judged with (`CATALOGUE_VERSION`). */
    catalogueVersion: z.string().min(1).max(64),
    probes: ProbeReadings,
  })
  .strict();
export type Observations = z.infer<typeof Observations>;
