import { describe, expect, it } from 'vitest';
import { readLinuxCameras } from '../../../main/probes/cameras/linux';
import { sysrootHost } from '../../../main/probes/host';
import { sysroot } from '../../support/sysroots';

describe('readLinuxCameras', () => {
  it("follows each node's device link to its USB interface and reads the parent device's ids", async () => {
    const cameras = await readLinuxCameras(sysrootHost(sysroot('docked-laptop')));
    expect(cameras.map((c) => [c.id, c.name, c.driver, c.transport, c.usb])).toEqual([
      [
        'video0',
        'Integrated Camera: Integrated C',
        'uvcvideo',
        'usb',
        { vendorId: '04f2', productId: 'b6ea' },
      ],
      [
        'video1',
        'Integrated Camera: Integrated C',
        'uvcvideo',
        'usb',
        { vendorId: '04f2', productId: 'b6ea' },
      ],
      ['video2', 'Logitech BRIO', 'uvcvideo', 'usb', { vendorId: '046d', productId: '085e' }],
      ['video3', 'Logitech BRIO', 'uvcvideo', 'usb', { vendorId: '046d', productId: '085e' }],
    ]);
  });

  it('marks a node under /sys/devices/virtual as virtual, with the loopback module as its driver', async () => {
    const cameras = await readLinuxCameras(sysrootHost(sysroot('v4l2loopback-camera')));
    expect(cameras.find((c) => c.id === 'video2')).toEqual({
      id: 'video2',
      name: 'Dummy video device (0x0000)',
      driver: 'v4l2loopback',
      transport: 'virtual',
      usb: null,
    });
  });
});
