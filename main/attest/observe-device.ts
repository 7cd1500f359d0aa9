import { checks as catalogue } from '../checks/catalogue/index';
import { runChecks } from '../checks/engine';
import type { ChecksReport } from '../contract/checks';
import type { Identity } from '../contract/identity';
import type { Policy } from '../contract/policy';
import type { ProbeSet } from '../probes/facts';
import type { Host } from '../probes/host';
import { readIdentity } from '../probes/identity/read-identity';

/** What a report is made of: every check under the policy, and the device's identity, read together. */
export async function observeDevice(
  host: Host,
  probes: ProbeSet,
  policy: Policy,
): Promise<{ checks: ChecksReport; identity: Identity }> {
  const [checks, identity] = await Promise.all([
    runChecks({ checks: catalogue, probes, host, policy }),
    readIdentity(host),
  ]);
  return { checks, identity };
}
