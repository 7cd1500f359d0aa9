import { deviceSignatures } from '../../contract/device-signatures';
import type { InputDevice } from '../../probes/input/input-device';
import type { UsbDevice } from '../../probes/usb/usb-device';
import type { Finding } from './finding';

const { injectedInput } = deviceSignatures;
const HID = 0x03;

/** The tool a virtual input device's name or ids say made it, or null. */
function injectingTool(device: InputDevice): string | null {
  const lower = device.name.toLowerCase();
  const named = injectedInput.names.find((n) => lower.includes(n.pattern));
  if (named) return `${named.tool}: "${device.name}"`;
  const ids = injectedInput.ids.find(
    (i) => i.vendorId === device.vendorId && i.productId === device.productId,
  );
  return ids ? `${ids.tool}: ids ${ids.vendorId}:${ids.productId}` : null;
}

/** "a keyboard", "an absolute pointer", "a keyboard and relative pointer", or `fallback`. */
function what(device: InputDevice, fallback: string): string {
  const parts = [device.keyboard ? 'keyboard' : null, device.pointer ? `${device.pointer} pointer` : null];
  const noun = parts.filter(Boolean).join(' and ') || fallback;
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Whether input can arrive from somewhere other than hands on this laptop. A device made by a
 * program (uinput, or uhid claiming a bus other than Bluetooth) that can type or point is
 * reviewed; one a remote-control or injection tool made is a failure, whatever it can do.
 */
export function inputSignals(device: InputDevice): Finding | null {
  if (device.attachment === 'usbip') {
    return {
      verdict: 'fail',
      reason: `${what(device, 'input device')} attached over the network (USB/IP)`,
    };
  }
  // BlueZ makes Bluetooth LE keyboards and mice through uhid: a real device over the air.
  const madeByProgram =
    device.attachment === 'software' || (device.attachment === 'uhid' && device.bus !== 'bluetooth');
  const tool = injectingTool(device);
  if (tool && device.attachment !== 'hardware') {
    return { verdict: 'fail', reason: `input injected by ${tool}` };
  }
  if (madeByProgram && (device.keyboard || device.pointer)) {
    return {
      verdict: 'warn',
      reason: `${what(device, 'input device')} made by a program (${device.attachment === 'uhid' ? 'uhid' : 'uinput'}), not by hardware`,
    };
  }
  return null;
}

/** A USB device plugged into another computer and shared over the network (USB/IP). */
export function usbipSignal(device: UsbDevice): Finding | null {
  if (!device.usbip || device.rootHub) return null;
  const hid = device.interfaces.some((i) => i.interfaceClass === HID);
  return hid
    ? { verdict: 'fail', reason: 'a keyboard/mouse attached over the network (USB/IP)' }
    : { verdict: 'warn', reason: 'a USB device attached over the network (USB/IP)' };
}
