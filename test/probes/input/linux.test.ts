import { describe, expect, it } from 'vitest';
import { sysrootHost } from '../../../main/probes/host';
import { attachmentOf, readLinuxInput } from '../../../main/probes/input/linux';
import { sysroot } from '../../support/sysroots';

describe('readLinuxInput', () => {
  it('files each input device by where the kernel put it: hardware, uhid (Bluetooth LE), USB', async () => {
    const devices = await readLinuxInput(sysrootHost(sysroot('developer-laptop')));
    const byName = new Map(devices.map((d) => [d.name, d]));
    expect(byName.get('AT Translated Set 2 keyboard')).toEqual({
      name: 'AT Translated Set 2 keyboard',
      bus: 'i8042',
      vendorId: '0001',
      productId: '0001',
      attachment: 'hardware',
      keyboard: true,
      pointer: null,
    });
    expect(byName.get('SynPS/2 Synaptics TouchPad')).toMatchObject({ pointer: 'absolute', keyboard: false });
    expect(byName.get('MX Master 3 Mouse')).toMatchObject({
      attachment: 'uhid',
      bus: 'bluetooth',
      pointer: 'relative',
    });
    expect(byName.get('Wacom Intuos S Pad')).toMatchObject({
      attachment: 'hardware',
      pointer: null,
      keyboard: false,
    });
    expect(byName.get('Power Button')).toMatchObject({ keyboard: false, pointer: null });
  });

  it('marks uinput devices as software and USB/IP ones as usbip', async () => {
    const uinput = await readLinuxInput(sysrootHost(sysroot('uinput-remote-control')));
    expect(
      uinput.filter((d) => d.attachment === 'software').map((d) => [d.name, d.vendorId, d.productId]),
    ).toEqual([
      ['RustDesk UInput Keyboard', '1234', '5678'],
      ['mouce-library-fake-mouse', '1234', '5678'],
      ['ydotoold virtual device', '2333', '6666'],
    ]);
    const usbip = await readLinuxInput(sysrootHost(sysroot('usbip-devices')));
    expect(usbip.find((d) => d.attachment === 'usbip')).toMatchObject({
      name: 'Logitech USB Keyboard',
      keyboard: true,
    });
  });

  it('reads no input devices from a machine without /sys/class/input', async () => {
    expect(await readLinuxInput(sysrootHost(sysroot('laptop')))).toEqual([]);
  });

  it('knows the kernel folders of uinput, uhid and usbip devices', () => {
    expect(attachmentOf('/sys/devices/virtual/input/input42')).toBe('software');
    expect(attachmentOf('/sys/devices/virtual/misc/uhid/0005:046D:B023.0009/input/input9')).toBe('uhid');
    expect(
      attachmentOf('/sys/devices/platform/vhci_hcd.0/usb3/3-1/3-1:1.0/0003:046D:C31C.0001/input/input7'),
    ).toBe('usbip');
    expect(
      attachmentOf('/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/0003:046D:C52B.0001/input/input5'),
    ).toBe('hardware');
  });
});
