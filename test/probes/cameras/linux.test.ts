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
      mipiRelay: null,
    });
  });

  it("keeps Ubuntu's IPU6 relay as a relay: its loopback is named in v4l2-relayd's settings and the ISP is bound", async () => {
    const cameras = await readLinuxCameras(sysrootHost(sysroot('ipu6-mipi-camera')));
    expect(cameras.map((c) => [c.id, c.name, c.driver, c.transport, c.mipiRelay])).toEqual([
      ['video0', 'Integrated Camera: Integrated C', 'uvcvideo', 'usb', null],
      ['video1', 'Integrated Camera: Integrated C', 'uvcvideo', 'usb', null],
      ['video10', 'Intel IPU6 ISYS Capture 0', null, 'builtin', null],
      ['video11', 'Intel IPU6 ISYS Capture 1', null, 'builtin', null],
      ['video20', 'Intel MIPI Camera', 'v4l2loopback', 'virtual', { isp: 'intel-ipu6' }],
    ]);
    const impostor = await readLinuxCameras(sysrootHost(sysroot('mipi-relay-impostor')));
    expect(impostor.find((c) => c.id === 'video20')?.mipiRelay).toBeNull();
  });

  it('tells a driver-made platform camera (vivid) and a USB/IP camera from built-in and USB ones', async () => {
    const vivid = await readLinuxCameras(sysrootHost(sysroot('vivid-test-camera')));
    expect(vivid.find((c) => c.id === 'video2')).toMatchObject({ driver: 'vivid', transport: 'platform' });
    const usbip = await readLinuxCameras(sysrootHost(sysroot('usbip-devices')));
    expect(usbip.find((c) => c.id === 'video6')).toMatchObject({
      transport: 'usbip',
      usb: { vendorId: '046d', productId: '082d' },
    });
  });
});
