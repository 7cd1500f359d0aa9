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

describe('usbSignals', () => {
  it('never flags a root hub, though its vendor is 1d6b', () => {
    expect(
      usbSignals(device({ location: 'usb1', vendorId: '1d6b', productId: '0002', rootHub: true })),
    ).toEqual([]);
  });

  it('fails a renamed Linux composite gadget only when it offers keyboard/mouse interfaces', () => {
    expect(verdicts(device({ vendorId: '1d6b', productId: '0104', interfaces: [hid, storage] }))).toEqual([
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
});
