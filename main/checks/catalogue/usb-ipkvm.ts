import { defineCheck } from '../check';
import { judge, strongest } from '../presence/finding';
import { usbSignals } from '../presence/usb-signals';

export const usbIpKvmCheck = defineCheck({
  id: 'usb.ipkvm',
  title: 'USB devices',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['usb'],
  severity: 'critical',
  rationale:
    'An IP-KVM types and moves the mouse through a USB gadget (PiKVM, TinyPilot, JetKVM, NanoKVM, GL.iNet, ' +
    "BliKVM); HDMI capture dongles feed another computer's screen in. Each device is judged whole: " +
    'vendor and product ids, its strings, and whether a Linux gadget offers keyboard/mouse interfaces.',
  remediation:
    "Unplug the USB device named above, use the laptop's own keyboard and touchpad, then press Re-check.",
  rule({ usb }) {
    const devices = usb.filter((d) => !d.rootHub);
    return judge(
      devices.map((d) => ({
        name: `${d.location} ${d.vendorId}:${d.productId}${d.product ? ` "${d.product}"` : ''}`,
        finding: strongest(usbSignals(d)),
        row: {
          location: d.location,
          vendorId: d.vendorId,
          productId: d.productId,
          manufacturer: d.manufacturer,
          product: d.product,
          serial: d.serial,
          interfaceClasses: [
            ...new Set(d.interfaces.map((i) => i.interfaceClass.toString(16).padStart(2, '0'))),
          ].join(' '),
        },
      })),
      usb.filter((d) => d.error !== null).map((d) => ({ location: d.location, error: d.error })),
      {
        fail: 'An IP-KVM is plugged in over USB:',
        warn: 'A USB device needs a human look:',
        error: 'A USB device reported malformed data:',
        pass: `${devices.length} USB device(s), none of them a known IP-KVM or capture dongle.`,
      },
    );
  },
});
