import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { usbDevicesFromProfiler } from '../../../main/probes/usb/parse-darwin';
import { recordedText } from '../../support/replay-host';

const usb = (scenario: string) =>
  usbDevicesFromProfiler(decodeJson(recordedText('darwin', scenario, 'system-profiler-usb.json'), 'test'));

describe('macOS USB devices from system_profiler', () => {
  it('walks hubs, reads ids out of "0x046d  (Logitech Inc.)" and Apple\'s apple_vendor_id', () => {
    expect(
      usb('anydesk-screensharing').map((d) => [d.location, d.vendorId, d.productId, d.product, d.serial]),
    ).toEqual([
      ['0x01100000', '2109', '2817', 'USB2.1 Hub', null],
      ['0x01120000', '05ac', '029c', 'Magic Keyboard', 'F0T2534RK0212HXAT'],
      ['0x01140000', '046d', '085e', 'Logitech BRIO', '2A3B4C5D'],
    ]);
  });

  it('reads the SPUSBHostDataType keys of macOS 15+', () => {
    expect(usb('obs-virtual-camera')).toContainEqual(
      expect.objectContaining({
        vendorId: '534d',
        productId: '2109',
        manufacturer: 'MACROSILICON',
        product: 'USB Video',
        serial: '20000130041415',
      }),
    );
  });

  it('keeps a device with unreadable ids, flagged', () => {
    const [device] = usbDevicesFromProfiler({
      SPUSBDataType: [{ _items: [{ _name: 'odd', vendor_id: 'zz', product_id: '0x12' }] }],
    });
    expect(device?.error).toBe('unreadable USB ids: vendor zz, product 0x12');
  });
});
