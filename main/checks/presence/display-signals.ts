import { deviceSignatures } from '../../contract/device-signatures';
import type { DisplayInfo, Edid } from '../../probes/displays/display';
import type { MachineInfo } from '../../probes/machine/machine';
import type { Finding } from './finding';
import { kvmNamedIn } from './kvm-names';

const { kvmEdids, kvmEdidHeuristics, virtualDisplays, virtualConnectors } = deviceSignatures;
const virtualConnector = new RegExp(virtualConnectors.connectorPattern);
const wirelessConnector = new RegExp(virtualConnectors.wirelessPattern);

export const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

function edidSignals(edid: Edid): Finding[] {
  const findings: Finding[] = [];
  const exact = kvmEdids.find((k) => k.sha256Block0 === edid.sha256Block0);
  if (exact)
    findings.push({ verdict: 'fail', reason: `${exact.device} capture (exact EDID image: ${exact.image})` });
  const sameIds = kvmEdids.find(
    (k) =>
      k.manufacturerId === edid.manufacturerId &&
      k.productCode === hex4(edid.productCode) &&
      (k.idsAreUnique || same(k.serialString, edid.serialString)),
  );
  if (sameIds) {
    findings.push({
      verdict: 'fail',
      reason: `${sameIds.device} capture (EDID ids ${edid.manufacturerId} 0x${hex4(edid.productCode)} of ${sameIds.image})`,
    });
  }
  const named = kvmNamedIn(edid.monitorName) ?? kvmNamedIn(edid.serialString);
  if (named)
    findings.push({
      verdict: 'fail',
      reason: `${named} capture (EDID name "${edid.monitorName ?? edid.serialString}")`,
    });
  const virtual = virtualDisplays.find(
    (v) =>
      v.manufacturerId === edid.manufacturerId &&
      same(v.monitorName, edid.monitorName) &&
      (v.productCode === undefined || v.productCode === hex4(edid.productCode)),
  );
  if (virtual)
    findings.push({
      verdict: 'fail',
      reason: `a virtual display (${virtual.device}, "${edid.monitorName}")`,
    });
  for (const h of kvmEdidHeuristics) {
    if (
      h.manufacturerId === edid.manufacturerId &&
      (h.serialNumber === undefined || h.serialNumber === hex8(edid.serialNumber))
    ) {
      findings.push({
        verdict: h.verdict,
        reason: `EDID ${edid.manufacturerId}${h.serialNumber ? ` serial 0x${h.serialNumber}` : ''}: ${h.device}`,
      });
    }
  }
  return findings;
}

/** Everything about one display that says it is not a real, local screen. */
export function displaySignals(display: DisplayInfo): Finding[] {
  const findings: Finding[] = [];
  if (virtualConnector.test(display.connector)) {
    findings.push({
      verdict: 'fail',
      reason: `a virtual connector: the screen is drawn by a VM or a virtual display driver`,
    });
  }
  if (wirelessConnector.test(display.connector)) {
    findings.push({
      verdict: 'warn',
      reason:
        'a wireless display (AirPlay or Sidecar): the screen is sent over the network to another device',
    });
  }
  if (display.adapter && virtualConnectors.adapters.includes(display.adapter)) {
    findings.push({ verdict: 'fail', reason: `a virtual display adapter (${display.adapter})` });
  }
  const emulated = virtualConnectors.pciAdapters.find((a) => a.pciId === display.adapterPciId);
  if (emulated) {
    findings.push({
      verdict: 'fail',
      reason: `an emulated display adapter (${emulated.device}, PCI ${emulated.pciId}): the screen is drawn by a VM`,
    });
  }
  return display.edid ? [...findings, ...edidSignals(display.edid)] : findings;
}

/** SMBIOS chassis types of a computer with its own screen (SMBIOS 3.x §7.4.1: portable … detachable). */
const PORTABLE_CHASSIS = new Set([8, 9, 10, 14, 30, 31, 32]);

/** Whether the firmware says this is a laptop (or a tablet): a machine that has a screen of its own. */
export function isPortable(machine: MachineInfo): boolean {
  return (
    (machine.chassisType !== null && PORTABLE_CHASSIS.has(machine.chassisType)) ||
    /^MacBook/.test(machine.productName ?? '')
  );
}
