import type { EvidenceRow } from '../../contract/checks';
import { defineCheck } from '../check';
import { displaySignals, hex4, isPortable } from '../presence/display-signals';
import { judge, strongest } from '../presence/finding';

export const displayIpKvmCheck = defineCheck({
  id: 'display.ipkvm',
  title: 'Displays',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['displays', 'machine'],
  severity: 'critical',
  rationale:
    "An IP-KVM (PiKVM, TinyPilot, JetKVM, NanoKVM, BliKVM, GL.iNet Comet) captures the laptop's HDMI output " +
    'and shows up as a monitor with its own EDID; a virtual display means the screen is drawn for someone ' +
    "elsewhere. Each display's EDID (maker, product, serial, name, exact image) is matched against known ones, " +
    'and capture-bridge traits (Toshiba TC358743/749 ids) whatever the name; a laptop with no display at all is reviewed.',
  remediation:
    'Unplug whatever is connected to the display port named above (a KVM or capture box is not a monitor), ' +
    'connect a real monitor or use the laptop screen, then press Re-check.',
  rule({ displays, machine }) {
    if (displays.length === 0 && isPortable(machine)) {
      return {
        status: 'warn',
        summary:
          `This is a laptop (SMBIOS chassis type ${machine.chassisType ?? machine.productName}) but the OS reports no ` +
          'connected display at all, not even its own panel: it may be run headless and watched some other way.',
        evidence: [{ displays: 0, chassisType: machine.chassisType, productName: machine.productName }],
        remediation:
          'Open the laptop lid (or connect its screen), then press Re-check; IT will review otherwise.',
      };
    }
    const errors: EvidenceRow[] = displays
      .filter((d) => d.edidError !== null)
      .map((d) => ({ connector: d.connector, error: d.edidError }));
    const outcome = judge(
      displays.map((d) => ({
        name: d.connector,
        finding: strongest(displaySignals(d)),
        row: {
          connector: d.connector,
          builtIn: d.builtIn,
          adapter: d.adapter,
          adapterPciId: d.adapterPciId ?? null,
          manufacturer: d.edid?.manufacturerId ?? null,
          productCode: d.edid ? `0x${hex4(d.edid.productCode)}` : null,
          monitorName: d.edid?.monitorName ?? null,
          serialString: d.edid?.serialString ?? null,
          edidSha256: d.edid?.sha256Block0 ?? null,
        },
      })),
      errors,
      {
        fail: 'A display is an IP-KVM capture device or a virtual display:',
        warn: 'A display has an unusual identity:',
        error: "A display's EDID could not be read:",
        pass:
          displays.length === 0
            ? 'No connected display reported to the OS.'
            : `${displays.length} connected display(s), none of them a known KVM or virtual display.`,
      },
    );
    return outcome.status === 'error'
      ? {
          ...outcome,
          remediation: 'Reconnect the display named above (or try another cable), then press Re-check.',
        }
      : outcome;
  },
});
