import { describe, expect, it } from 'vitest';
import { usbSignals } from '../../../main/checks/presence/usb-signals';
import type { UsbDevice, UsbInterface } from '../../../main/probes/usb/usb-device';

const hid: UsbInterface = { interfaceClass: 3, interfaceSubClass: 1, interfaceProtocol: 1 };
const storage: UsbInterface = { interfaceClass: 8, interfaceSubClass: 6, interfaceProtocol: 0x50 };

function device(fields: Partial<UsbDevice>): UsbDevice {
  return {
    location: '1-1',
    vendorId: '0000',
    productId: '0000',
    manufacturer: null,
    product: null,
    serial: null,
    deviceClass: 0,
    interfaces: [],
    rootHub: false,
    error: null,
    ...fields,
  };
}

const verdicts = (d: UsbDevice) => usbSignals(d).map((f) => f.verdict);
const reasons = (d: UsbDevice) => usbSignals(d).map((f) => f.reason);

const relativeMouse: UsbInterface = {
  interfaceClass: 3,
  interfaceSubClass: 1,
  interfaceProtocol: 2,
  hid: { applications: ['mouse'], absolutePointer: false },
};
const absoluteMouse: UsbInterface = {
  interfaceClass: 3,
  interfaceSubClass: 0,
  interfaceProtocol: 0,
  hid: { applications: ['mouse'], absolutePointer: true },
};
/** A real Logitech keyboard's ids and strings, as a spoofed gadget wears them. */
const logitech = { vendorId: '046d', productId: 'c31c', manufacturer: 'Logitech', product: 'USB Keyboard' };

describe('usbSignals', () => {
  it('never flags a root hub, though its vendor is 1d6b', () => {
    expect(
      usbSignals(device({ location: 'usb1', vendorId: '1d6b', productId: '0002', rootHub: true })),
    ).toEqual([]);
  });

  it('fails a renamed Linux composite gadget only when it offers keyboard/mouse interfaces', () => {
    expect(verdicts(device({ vendorId: '1d6b', productId: '0104', interfaces: [hid, storage] }))).toEqual([
      'fail',
      'fail',
    ]);
    expect(verdicts(device({ vendorId: '1d6b', productId: '0104', interfaces: [storage] }))).toEqual([
      'warn',
    ]);
  });

  it.each([
    [
      'BliKVM native firmware',
      { vendorId: '1d6b', productId: '0106', manufacturer: 'smart-kvm', interfaces: [hid] },
    ],
    [
      'TinyPilot by its serial',
      { vendorId: '1d6b', productId: '0104', serial: '6b65796d696d6570690', interfaces: [hid] },
    ],
    ['GL.iNet Comet', { vendorId: '38eb', productId: '0001', manufacturer: 'Glinet' }],
    ['PiKVM Pico HID', { vendorId: '1209', productId: 'eda2' }],
    ['JetKVM default', { vendorId: '1d6b', productId: '0104', manufacturer: 'JetKVM', interfaces: [hid] }],
  ])('fails %s', (_name, fields) => {
    expect(verdicts(device(fields))).toContain('fail');
  });

  it('warns on look-alikes that real hardware also uses', () => {
    expect(verdicts(device({ vendorId: '534d', productId: '2109', product: 'USB Video' }))).toEqual(['warn']);
    expect(
      verdicts(
        device({
          vendorId: '045e',
          productId: '005f',
          manufacturer: 'Microsoft',
          product: 'Wireless MultiMedia Keyboard',
        }),
      ),
    ).toEqual(['warn']);
  });

  it('passes a real Logitech Unifying receiver (same ids as the JetKVM preset, honest strings)', () => {
    expect(
      usbSignals(
        device({
          vendorId: '046d',
          productId: 'c52b',
          manufacturer: 'Logitech',
          product: 'USB Receiver',
          interfaces: [hid],
        }),
      ),
    ).toEqual([]);
  });

  describe('by structure and inquiry strings, whatever the USB ids say', () => {
    it('fails a "Logitech keyboard" that is also a USB drive', () => {
      expect(reasons(device({ ...logitech, interfaces: [hid, storage] }))).toEqual([
        'a keyboard that is also a USB drive, as IP-KVM gadgets are',
      ]);
    });

    it('fails a keyboard with an absolute mouse and no pen or touch surface', () => {
      expect(verdicts(device({ ...logitech, interfaces: [hid, absoluteMouse] }))).toEqual(['fail']);
    });

    it('passes a keyboard with an ordinary mouse, and a drawing tablet whose absolute pointer has a pen', () => {
      expect(usbSignals(device({ ...logitech, interfaces: [hid, relativeMouse] }))).toEqual([]);
      const tablet: UsbInterface = {
        interfaceClass: 3,
        interfaceSubClass: 0,
        interfaceProtocol: 0,
        hid: { applications: ['keyboard', 'mouse', 'pen'], absolutePointer: true },
      };
      expect(usbSignals(device({ vendorId: '28bd', productId: '0905', interfaces: [tablet] }))).toEqual([]);
    });

    it("fails JetKVM's virtual media under a spoofed keyboard's ids, by its INQUIRY strings", () => {
      const jetKvmDrive = { vendor: 'JetKVM', model: 'Virtual Media', cdrom: true };
      expect(reasons(device({ ...logitech, interfaces: [storage], storage: [jetKvmDrive] }))).toEqual([
        'JetKVM virtual media (SCSI inquiry "JetKVM" "Virtual Media" CD-ROM)',
      ]);
    });

    it('fails a PiKVM whose USB ids were imported from a keyboard: its drive says GENERIC inside a keyboard', () => {
      const donorDrive = { vendor: 'Logitech', model: 'GENERIC', cdrom: true };
      expect(reasons(device({ ...logitech, interfaces: [hid, storage], storage: [donorDrive] }))[0]).toBe(
        'PiKVM with USB ids imported from a real keyboard (kvmd-otgconf --import-usb-ids) (SCSI inquiry "Logitech" "GENERIC" CD-ROM) in a device that is also a keyboard/mouse',
      );
    });

    it("warns on a Linux gadget's default drive alone, fails it inside a keyboard", () => {
      const gadgetDrive = { vendor: 'Linux', model: 'File-CD Gadget', cdrom: true };
      expect(
        verdicts(
          device({ vendorId: '0781', productId: '5581', interfaces: [storage], storage: [gadgetDrive] }),
        ),
      ).toEqual(['warn']);
      expect(verdicts(device({ ...logitech, interfaces: [hid, storage], storage: [gadgetDrive] }))).toEqual([
        'fail',
        'fail',
      ]);
    });

    it('passes an ordinary USB stick', () => {
      expect(
        usbSignals(
          device({
            vendorId: '0781',
            productId: '5581',
            interfaces: [storage],
            storage: [{ vendor: 'SanDisk', model: 'Ultra', cdrom: false }],
          }),
        ),
      ).toEqual([]);
    });
  });
});
