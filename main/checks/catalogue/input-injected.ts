import { defineCheck } from '../check';
import { judge } from '../presence/finding';
import { inputSignals, usbipSignal } from '../presence/input-signals';

export const inputInjectedCheck = defineCheck({
  id: 'input.injected',
  title: 'Keyboard and mouse input',
  platforms: ['linux'],
  probes: ['input', 'usb'],
  severity: 'high',
  rationale:
    'Remote-control tools on Linux type and click through virtual input devices (uinput: RustDesk, ydotool, ' +
    'Sunshine, scripts), and USB/IP attaches a keyboard or camera that is plugged into another computer. The ' +
    'kernel files each input device by where it comes from, which a renamed tool cannot change: software-made ' +
    'devices live under /sys/devices/virtual/input, USB/IP ones under a vhci_hcd host controller.',
  remediation:
    'Quit the program that created the virtual keyboard or mouse named above (or detach the USB/IP device), ' +
    'then press Re-check. Keyboard remappers (keyd, input-remapper) show here too: IT will review them.',
  rule({ input, usb }) {
    const remote = usb.filter((d) => d.usbip && !d.rootHub);
    return judge(
      [
        ...input.map((d) => ({
          name: `"${d.name}"`,
          finding: inputSignals(d),
          row: {
            name: d.name,
            bus: d.bus,
            ids: `${d.vendorId}:${d.productId}`,
            attachment: d.attachment,
            keyboard: d.keyboard,
            pointer: d.pointer,
          },
        })),
        ...remote.map((d) => ({
          name: `USB ${d.location} ${d.vendorId}:${d.productId}`,
          finding: usbipSignal(d),
          row: {
            location: d.location,
            ids: `${d.vendorId}:${d.productId}`,
            product: d.product,
            attachment: 'usbip',
          },
        })),
      ],
      [],
      {
        fail: 'Input does not come from this laptop’s hardware:',
        warn: 'A program can type or move the pointer:',
        error: '',
        pass: `${input.length} input device(s), all of them hardware on this laptop.`,
      },
    );
  },
});
