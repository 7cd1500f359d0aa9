import { deviceSignatures } from '../../contract/device-signatures';
import type { UsbDevice } from '../../probes/usb/usb-device';
import type { Finding } from './finding';
import { kvmNamedIn } from './kvm-names';

const { kvmUsb, captureDongles } = deviceSignatures;
const LINUX_FOUNDATION = '1d6b';
const HID = 0x03;
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
  if (dongle) findings.push({ verdict: 'warn', reason: `an HDMI capture dongle (${dongle.device}, ${ids})` });
  return findings;
}
