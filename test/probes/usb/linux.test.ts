import { describe, expect, it } from 'vitest';
import { sysrootHost } from '../../../main/probes/host';
import { readLinuxUsb } from '../../../main/probes/usb/linux';
import { sysroot } from '../../support/sysroots';

describe('readLinuxUsb', () => {
  it('reads devices, root hubs and interface folders from /sys/bus/usb/devices', async () => {
    const devices = await readLinuxUsb(sysrootHost(sysroot('pikvm')));
    expect(devices.map((d) => [d.location, `${d.vendorId}:${d.productId}`, d.rootHub])).toEqual([
      ['1-1', '1d6b:0104', false],
      ['1-10', '8087:0026', false],
      ['1-2', '046d:c52b', false],
      ['1-6', '04f2:b6ea', false],
      ['usb1', '1d6b:0002', true],
      ['usb2', '1d6b:0003', true],
    ]);
    expect(devices[0]).toEqual({
      location: '1-1',
      vendorId: '1d6b',
      productId: '0104',
      manufacturer: 'PiKVM',
      product: 'PiKVM Composite Device',
      serial: 'CAFEBABE',
      deviceClass: 0,
      interfaces: [
        { interfaceClass: 3, interfaceSubClass: 1, interfaceProtocol: 1, hid: null },
        { interfaceClass: 3, interfaceSubClass: 0, interfaceProtocol: 0, hid: null },
        { interfaceClass: 8, interfaceSubClass: 6, interfaceProtocol: 0x50 },
      ],
      rootHub: false,
      error: null,
      storage: [],
      usbip: false,
    });
  });

  it('keeps a device with garbage in its attributes, naming what is wrong', async () => {
    const devices = await readLinuxUsb(sysrootHost(sysroot('malformed-devices')));
    expect(devices.find((d) => d.location === '1-1')).toMatchObject({
      vendorId: '',
      productId: '0001',
      product: 'Gadget',
      interfaces: [],
      error:
        '/sys/bus/usb/devices/1-1: idVendor is not four hex digits: "\\u0013ÿzz"; 1-1:1.0 bInterfaceClass is not two hex digits: "0x"',
    });
  });

  it("reads each HID interface's report descriptor and the INQUIRY strings of the device's drives", async () => {
    const devices = await readLinuxUsb(sysrootHost(sysroot('jetkvm-spoofed-ids')));
    const gadget = devices.find((d) => d.location === '1-1')!;
    expect(gadget).toMatchObject({ vendorId: '046d', productId: 'c31c', usbip: false });
    expect(gadget.interfaces.map((i) => i.hid ?? null)).toEqual([
      { applications: ['keyboard'], absolutePointer: false },
      { applications: ['mouse'], absolutePointer: true },
      null,
    ]);
    // scsi_sysfs pads vendor and model with spaces; the reader trims them.
    expect(gadget.storage).toEqual([{ vendor: 'JetKVM', model: 'Virtual Media', cdrom: true }]);
  });

  it('marks devices behind a USB/IP virtual host controller', async () => {
    const devices = await readLinuxUsb(sysrootHost(sysroot('usbip-devices')));
    expect(devices.filter((d) => d.usbip).map((d) => d.location)).toEqual(['3-1', '3-2', 'usb3']);
    expect(devices.find((d) => d.location === '1-2')?.usbip).toBe(false);
  });
});
