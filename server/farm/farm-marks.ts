import { isIPv6 } from 'node:net';
import { inCidr } from '../../main/contract/cidr';
import { deviceSignatures } from '../../main/contract/device-signatures';
import type { ReportPayload } from '../../main/contract/report';
import type { ProbeFacts } from '../../main/contract/observations';
import { displaySignals, hex4 } from '../../main/checks/presence/display-signals';
import { usbSignals } from '../../main/checks/presence/usb-signals';

/** A display's EDID identity, as the displays probe reports it. */
type Edid = NonNullable<ProbeFacts['displays'][number]['edid']>;

/**
 * What one report shows that another hire's could share. Hardware marks identify a part of this
 * laptop (`laptop`: re-issued with it to the next hire) or a box plugged into it (`kvm`: an IP-KVM
 * or capture device, which IT does not re-issue); place marks are where the server saw it from.
 */
export const MarkKind = [
  'fingerprint',
  'serial',
  'disk',
  'mac',
  'edid',
  'usb',
  'address',
  'network',
  'rhythm',
  'gateway',
  'wifi',
] as const;
export type MarkKind = (typeof MarkKind)[number];

export const LAPTOP_MARKS: ReadonlySet<MarkKind> = new Set(['fingerprint', 'serial', 'disk', 'mac']);
/** Where and when: compared only within a window, and forgotten after it. */
export const PLACE_MARKS: ReadonlySet<MarkKind> = new Set([
  'address',
  'network',
  'rhythm',
  'gateway',
  'wifi',
]);

/** A mark before it is hashed: `value` is hashed with the server's key; `shown` is what HR may read. */
export interface Mark {
  kind: MarkKind;
  value: string;
  /** What the evidence shows: the hardware id itself, never a network identifier. */
  shown: string;
}

/**
 * EDID serial numbers that many unrelated displays carry: none (0), the filler 0x01010101 that
 * generic panels and capture devices ship with, and all ones.
 */
const SHARED_EDID_SERIALS: ReadonlySet<number> = new Set([0, 0x01010101, 0xffffffff]);
/** Serial strings vendors leave at a default: placeholders shared by every unit. */
const SHARED_SERIAL_TEXT =
  /^(0+|1+|f+|none|null|n\/?a|default|serial|123456(789)?|0123456789(abcdef)?|to be filled by o\.e\.m\.?|system serial number|not specified)$/i;
/** MACs that are not one card's: all zeros, broadcast, and locally administered (random, virtual). */
const sharedMac = (mac: string) => {
  const first = Number.parseInt(mac.slice(0, 2), 16);
  return (
    /^(00[:-]?){5}00$/i.test(mac) ||
    /^(ff[:-]?){5}ff$/i.test(mac) ||
    Number.isNaN(first) ||
    (first & 0x02) !== 0
  );
};
/**
 * A KVM's preset EDID (device-signatures.json): the same image, or the same serial it sets, on every
 * unit of that model, including presets that copy one retail monitor's serial.
 */
const kvmPreset = (edid: Edid): boolean =>
  deviceSignatures.kvmEdids.some(
    (k) =>
      k.sha256Block0 === edid.sha256Block0 ||
      (k.manufacturerId === edid.manufacturerId &&
        (edid.serialString
          ? k.serialString?.toLowerCase() === edid.serialString.toLowerCase()
          : Number.parseInt(k.serialNumber, 16) === edid.serialNumber)),
  );

/** Serials KVM firmware sets on every unit (PiKVM's CAFEBABE on its EDID and its USB gadget). */
const KVM_PRESET_SERIALS: ReadonlySet<string> = new Set(
  deviceSignatures.kvmEdids.flatMap((k) => (k.serialString ? [k.serialString.toLowerCase()] : [])),
);
const sharedText = (text: string) =>
  SHARED_SERIAL_TEXT.test(text.trim()) ||
  text.trim().length < 4 ||
  KVM_PRESET_SERIALS.has(text.trim().toLowerCase());

/** The hardware marks of one report: identity claims, external displays' EDIDs, KVM/capture USB serials. */
export function hardwareMarks(payload: ReportPayload): Mark[] {
  const marks: Mark[] = [];
  const { claims, fingerprint } = payload.identity;
  marks.push({
    kind: 'fingerprint',
    value: fingerprint,
    shown: `device fingerprint ${fingerprint.slice(0, 12)}…`,
  });
  const serial = claims.serial.value;
  if (typeof serial === 'string' && !sharedText(serial))
    marks.push({ kind: 'serial', value: serial.toLowerCase(), shown: `serial ${serial}` });
  const disks = claims.disks.value;
  if (Array.isArray(disks))
    for (const disk of disks)
      if (!sharedText(disk)) marks.push({ kind: 'disk', value: disk, shown: `disk ${disk}` });
  const macs = claims.macs.value;
  if (Array.isArray(macs))
    for (const mac of macs)
      if (!sharedMac(mac))
        marks.push({ kind: 'mac', value: mac.toLowerCase(), shown: `MAC ${mac.toLowerCase()}` });

  const displays = payload.observations.probes.displays;
  if (displays?.state === 'read')
    for (const display of displays.facts) {
      const edid = display.edid;
      // The built-in panel is the laptop's (its disk and serial already say so).
      if (!edid || display.builtIn || kvmPreset(edid)) continue;
      const text = edid.serialString && !sharedText(edid.serialString) ? edid.serialString : null;
      if (SHARED_EDID_SERIALS.has(edid.serialNumber) && !text) continue;
      const id = `${edid.manufacturerId} 0x${hex4(edid.productCode)} serial ${text ?? `0x${edid.serialNumber.toString(16)}`}`;
      const kvm = displaySignals(display).length > 0 ? ' (a KVM or capture device)' : '';
      marks.push({ kind: 'edid', value: id, shown: `display EDID ${id}${kvm}` });
    }
  const usb = payload.observations.probes.usb;
  if (usb?.state === 'read')
    for (const device of usb.facts) {
      if (!device.serial || sharedText(device.serial) || usbSignals(device).length === 0) continue;
      const id = `${device.vendorId}:${device.productId} serial ${device.serial}`;
      marks.push({
        kind: 'usb',
        value: id,
        shown: `KVM/capture USB device ${id} (${device.product ?? 'unnamed'})`,
      });
    }
  return dedupe(marks);
}

/** An address as one form: IPv4-mapped IPv6 as IPv4, IPv6 expanded and lower-cased. */
function canonical(ip: string): { address: string; groups: string[] | null } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped?.[1] ?? ip;
  if (!isIPv6(address)) return { address, groups: null };
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((g) =>
    g.replace(/^0+(?=.)/, ''),
  );
  return { address: groups.join(':'), groups };
}

/**
 * Where the server saw a device from: its client address (as believed under the trusted-proxy
 * setting) and that address's network, the /24 (IPv4) or /48 (IPv6) one subscriber or one small
 * office gets; and, for a report a person completes (with the hire's face: onboarding or
 * re-attestation, never a headless device check), its rhythm: the network again, compared over
 * minutes, since one person working through several hires' check-ins does them back to back.
 * `lan`: what the device reported of its LAN (`lanMarks`). None from the company's own egress
 * ranges: every office hire shares those.
 */
export function placeMarks(
  clientAddress: string,
  egressRanges: readonly string[],
  byPerson: boolean,
  lan: readonly Mark[] = [],
): Mark[] {
  const { address, groups } = canonical(clientAddress);
  // An office LAN behind the company's egress is shared by every office hire too.
  if (egressRanges.some((range) => inCidr(address, range))) return [];
  const network = groups
    ? `${groups.slice(0, 3).join(':')}::/48`
    : `${address.split('.').slice(0, 3).join('.')}.0/24`;
  const size = groups ? '/48' : '/24';
  return [
    { kind: 'address', value: address, shown: 'the same client address' },
    { kind: 'network', value: network, shown: `the same ${size} network` },
    ...(byPerson
      ? [
          {
            kind: 'rhythm' as const,
            value: network,
            shown: `check-ins back to back from one ${size} network`,
          },
        ]
      : []),
    ...lan,
  ];
}

function dedupe(marks: Mark[]): Mark[] {
  const seen = new Set<string>();
  return marks.filter((m) => {
    const key = `${m.kind}\u0000${m.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
