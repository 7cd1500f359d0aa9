import { deviceSignatures } from '../../contract/device-signatures';
import type { UsbDevice } from '../../probes/usb/usb-device';
import type { Finding } from './finding';
import { kvmNamedIn } from './kvm-names';

const { kvmUsb, captureDongles, gadgetStorage } = deviceSignatures;
const LINUX_FOUNDATION = '1d6b';
const HID = 0x03;
const MASS_STORAGE = 0x08;
const BOOT_KEYBOARD = { subClass: 1, protocol: 1 };
const same = (expected: string | undefined, actual: string | null): boolean =>
  expected === undefined || (actual !== null && expected.toLowerCase() === actual.toLowerCase());

/**
 * Everything about one USB device that says it is an IP-KVM or a capture dongle. Judged on the
 * whole device: 1d6b (Linux Foundation) is every root hub's vendor too, so the vendor alone says nothing.
 */
export function usbSignals(device: UsbDevice): Finding[] {
  if (device.rootHub) return [];
  const ids = `${device.vendorId}:${device.productId}`;
  const findings: Finding[] = [];
  for (const k of kvmUsb) {
    if (
      k.vendorId === device.vendorId &&
      same(k.productId, device.productId) &&
      same(k.manufacturer, device.manufacturer) &&
      same(k.product, device.product)
    ) {
      findings.push({ verdict: k.verdict, reason: `${k.device} (${ids}${k.why ? `; ${k.why}` : ''})` });
    }
  }
  for (const text of [device.manufacturer, device.product, device.serial]) {
    const named = kvmNamedIn(text);
    if (named) findings.push({ verdict: 'fail', reason: `${named} USB gadget ("${text}")` });
  }
  if (device.vendorId === LINUX_FOUNDATION) {
    const hid = device.interfaces.some((i) => i.interfaceClass === HID);
    findings.push(
      hid
        ? { verdict: 'fail', reason: `a Linux USB gadget (${ids}) acting as keyboard/mouse, as IP-KVMs do` }
        : { verdict: 'warn', reason: `a Linux USB gadget (${ids}): a single-board computer is plugged in` },
    );
  }
  const dongle = captureDongles.find(
    (d) => d.vendorId === device.vendorId && d.productId === device.productId,
  );
  if (dongle) findings.push({ verdict: 'warn', reason: `a video capture dongle (${dongle.device}, ${ids})` });
  return [...findings, ...storageSignals(device), ...structureSignals(device)];
}

/** What its drives answer to INQUIRY: KVMs name their virtual media, and keep doing so under spoofed USB ids. */
function storageSignals(device: UsbDevice): Finding[] {
  const findings: Finding[] = [];
  const hid = device.interfaces.some((i) => i.interfaceClass === HID);
  for (const unit of device.storage ?? []) {
    const inquiry = `"${unit.vendor}" "${unit.model}"${unit.cdrom ? ' CD-ROM' : ''}`;
    const named = kvmNamedIn(unit.vendor) ?? kvmNamedIn(unit.model);
    if (named) {
      findings.push({ verdict: 'fail', reason: `${named} virtual media (SCSI inquiry ${inquiry})` });
      continue;
    }
    const gadget = gadgetStorage.find(
      (g) => same(g.model, unit.model) && (g.vendor === '' || same(g.vendor, unit.vendor)),
    );
    if (gadget) {
      findings.push({
        verdict: hid ? 'fail' : 'warn',
        reason: `${gadget.device} (SCSI inquiry ${inquiry})${hid ? ' in a device that is also a keyboard/mouse' : ''}`,
      });
    }
  }
  return findings;
}

/**
 * What the device is made of, which survives any change of ids and strings: a keyboard that is
 * also a drive (KVM gadgets mount ISO images), a keyboard that also moves an absolute cursor with no
 * pen or touch surface (a KVM's mouse; a drawing tablet's absolute pointer comes with a pen collection).
 */
function structureSignals(device: UsbDevice): Finding[] {
  const keyboard = device.interfaces.some(
    (i) =>
      i.interfaceClass === HID &&
      ((i.interfaceSubClass === BOOT_KEYBOARD.subClass && i.interfaceProtocol === BOOT_KEYBOARD.protocol) ||
        (i.hid?.applications.includes('keyboard') ?? false)),
  );
  if (!keyboard) return [];
  const findings: Finding[] = [];
  if (device.interfaces.some((i) => i.interfaceClass === MASS_STORAGE)) {
    findings.push({ verdict: 'fail', reason: 'a keyboard that is also a USB drive, as IP-KVM gadgets are' });
  }
  const hid = device.interfaces.flatMap((i) => (i.hid ? [i.hid] : []));
  const surface = hid.some((h) => h.applications.some((a) => DRAWING_SURFACES.has(a)));
  if (hid.some((h) => h.absolutePointer) && !surface) {
    findings.push({
      verdict: 'fail',
      reason:
        'a keyboard with an absolute-position mouse and no pen or touch surface: how an IP-KVM drives the cursor',
    });
  }
  return findings;
}

/** HID applications of a real surface that reports absolute positions (HID Usage Tables, Digitizers page). */
const DRAWING_SURFACES = new Set(['pen', 'digitizer', 'touch-screen', 'touch-pad']);
