import { CATALOGUE_VERSION } from '../checks/catalogue-version';
import { checks as catalogue } from '../checks/catalogue/index';
import { observeChecks, type ProgressEvent } from '../checks/engine';
import type { ChecksReport } from '../contract/checks';
import type { Identity } from '../contract/identity';
import type { Observations, ProbeId } from '../contract/observations';
import type { Policy } from '../contract/policy';
import type { ProbeSet } from '../probes/facts';
import type { Host } from '../probes/host';
import { readIdentity } from '../probes/identity/read-identity';

export interface DeviceObservation {
  /** The device's own judgement, for the hire's screen. */
  checks: ChecksReport;
  /** What a report carries for the HR service to judge. */
  observations: Observations;
  identity: Identity;
}

/**
 * What a report carries that no device check reads: the LAN the device sits on (gateway MAC, Wi-Fi
 * BSSID), for the HR service's farm signals, which keep only keyed hashes of it.
 */
export const SERVER_PROBES: readonly ProbeId[] = ['lan'];

/** Where a host's observations come from: a `--sysroot` fixture machine is marked, so servers can refuse it. */
export const sourceOf = (host: Host): Observations['source'] => (host.sysroot === null ? 'live' : 'fixture');

/**
 * The one way to observe this device, for the app, the browser shell and the CLI alike: every
 * check in the catalogue, the probe readings behind them, and the device's identity.
 */
export async function observeDevice(
  host: Host,
  probes: ProbeSet,
  policy: Policy,
  onProgress?: (event: ProgressEvent) => void,
): Promise<DeviceObservation> {
  const [{ checks, readings }, identity] = await Promise.all([
    observeChecks({
      checks: catalogue,
      probes,
      host,
      policy,
      alsoRead: SERVER_PROBES,
      ...(onProgress ? { onProgress } : {}),
    }),
    readIdentity(host),
  ]);
  return {
    checks,
    identity,
    observations: {
      source: sourceOf(host),
      platform: host.platform,
      catalogueVersion: CATALOGUE_VERSION,
      probes: readings,
    },
  };
}
