import type { HidSummary } from './usb-device';

/**
 * What a HID report descriptor says a device is (HID 1.11 §6.2.2, usages from the HID Usage
 * Tables): its top-level application collections, and whether it reports an absolute pointer.
 * The descriptor is chosen by the device; a malformed one is summarised as far as it parses.
 */

const GENERIC_DESKTOP = 0x01;
const DIGITIZER = 0x0d;
const CONSUMER = 0x0c;
const VENDOR_FIRST = 0xff00;

/** Application collections by (usage page << 16 | usage). */
const APPLICATIONS = new Map<number, string>([
  [(GENERIC_DESKTOP << 16) | 0x01, 'pointer'],
  [(GENERIC_DESKTOP << 16) | 0x02, 'mouse'],
  [(GENERIC_DESKTOP << 16) | 0x04, 'joystick'],
  [(GENERIC_DESKTOP << 16) | 0x05, 'gamepad'],
  [(GENERIC_DESKTOP << 16) | 0x06, 'keyboard'],
  [(GENERIC_DESKTOP << 16) | 0x07, 'keypad'],
  [(GENERIC_DESKTOP << 16) | 0x80, 'system-control'],
  [(CONSUMER << 16) | 0x01, 'consumer-control'],
  [(DIGITIZER << 16) | 0x01, 'digitizer'],
  [(DIGITIZER << 16) | 0x02, 'pen'],
  [(DIGITIZER << 16) | 0x04, 'touch-screen'],
  [(DIGITIZER << 16) | 0x05, 'touch-pad'],
  [(0xf1d0 << 16) | 0x01, 'fido'],
]);

const X = 0x30;
const Y = 0x31;
/** Input item flag bit 2: 0 absolute, 1 relative. */
const RELATIVE = 0x04;
/** Input item flag bit 0: constant padding, not data. */
const CONSTANT = 0x01;

const TAG_INPUT = 0x80;
const TAG_COLLECTION = 0xa0;
const TAG_END_COLLECTION = 0xc0;
const TAG_USAGE_PAGE = 0x04;
const TAG_PUSH = 0xa4;
const TAG_POP = 0xb4;
const TAG_USAGE = 0x08;
const TAG_USAGE_MIN = 0x18;
const TAG_USAGE_MAX = 0x28;
const LONG_ITEM = 0xfe;

export function summariseHidDescriptor(bytes: Uint8Array): HidSummary {
  const applications: string[] = [];
  let absolutePointer = false;
  let usagePage = 0;
  const pageStack: number[] = [];
  let usages: number[] = [];
  let usageMin: number | null = null;
  let depth = 0;
  let application: string | null = null;

  for (let at = 0; at < bytes.length;) {
    const prefix = bytes[at]!;
    if (prefix === LONG_ITEM) {
      at += 3 + (bytes[at + 1] ?? 0);
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03]!;
    const tag = prefix & 0xfc;
    let value = 0;
    for (let i = 0; i < size; i++) value |= (bytes[at + 1 + i] ?? 0) << (8 * i);
    value >>>= 0;
    at += 1 + size;

    // A usage of more than two bytes carries its own page (HID 1.11 §6.2.2.8).
    const fullUsage = (usage: number): number => (size === 4 ? usage : (usagePage << 16) | usage);
    if (tag === TAG_USAGE_PAGE) usagePage = value;
    else if (tag === TAG_PUSH) pageStack.push(usagePage);
    else if (tag === TAG_POP) usagePage = pageStack.pop() ?? usagePage;
    else if (tag === TAG_USAGE) usages.push(fullUsage(value));
    else if (tag === TAG_USAGE_MIN) usageMin = fullUsage(value);
    else if (tag === TAG_USAGE_MAX && usageMin !== null) {
      for (let u = usageMin; u <= fullUsage(value) && u - usageMin < 64; u++) usages.push(u);
      usageMin = null;
    } else if (tag === TAG_COLLECTION) {
      if (depth === 0 && value === 0x01) {
        const usage = usages[0] ?? 0;
        application =
          APPLICATIONS.get(usage) ??
          (usage >>> 16 >= VENDOR_FIRST ? 'vendor' : `usage-${usage.toString(16)}`);
        if (!applications.includes(application)) applications.push(application);
      }
      depth++;
      usages = [];
    } else if (tag === TAG_END_COLLECTION) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) application = null;
      usages = [];
    } else if (tag === TAG_INPUT) {
      const xy = usages.includes((GENERIC_DESKTOP << 16) | X) && usages.includes((GENERIC_DESKTOP << 16) | Y);
      const pointerApp = application === 'mouse' || application === 'pointer';
      if (xy && pointerApp && (value & RELATIVE) === 0 && (value & CONSTANT) === 0) absolutePointer = true;
      usages = [];
    } else if ((tag & 0x0c) === 0x00) {
      // The other main items (Output, Feature) consume the local usages too.
      usages = [];
    }
  }
  return { applications, absolutePointer };
}
