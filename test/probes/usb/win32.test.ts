import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { usbDevicesFromWin32 } from '../../../main/probes/usb/parse-win32';
import { recordedText } from '../../support/replay-host';

const usb = (scenario: string) =>
  usbDevicesFromWin32(decodeJson(recordedText('win32', scenario, 'usb.json'), 'test'));

describe('Windows USB devices from Win32_PnPEntity', () => {
  it('joins interface rows to their composite device, with class codes from the compatible ids', () => {
    const receiver = usb('clean-laptop').find((d) => d.productId === 'c548');
    expect(receiver).toMatchObject({
      vendorId: '046d',
      product: 'USB Receiver',
      serial: null,
      deviceClass: 0,
      interfaces: [
        { interfaceClass: 3, interfaceSubClass: 1, interfaceProtocol: 1 },
        { interfaceClass: 3, interfaceSubClass: 1, interfaceProtocol: 2 },
      ],
    });
  });

  it("takes the instance id as the serial when it is the device's own", () => {
    expect(usb('clean-laptop').find((d) => d.vendorId === '0781')).toMatchObject({
      serial: '4C530001230915115473',
      interfaces: [{ interfaceClass: 8, interfaceSubClass: 6, interfaceProtocol: 0x50 }],
    });
  });

  it('takes a single device printed as a bare object (a VM with a USB tablet)', () => {
    expect(usb('virtualbox-vm')).toEqual([
      expect.objectContaining({ vendorId: '80ee', productId: '0021', product: 'USB Tablet' }),
    ]);
  });

  it('flags an instance id it cannot read', () => {
    expect(usbDevicesFromWin32({ PNPDeviceID: 'USB\\VID_XYZ' })[0]?.error).toBe(
      'unreadable USB instance id: USB\\VID_XYZ',
    );
  });
});
