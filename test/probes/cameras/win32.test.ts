import { describe, expect, it } from 'vitest';
import { camerasFromWin32 } from '../../../main/probes/cameras/parse-win32';
import { decodeJson } from '../../../main/probes/command';
import { recordedText } from '../../support/replay-host';

describe('Windows cameras from PnP devices and DirectShow sources', () => {
  it('lists the USB webcam and OBS Virtual Camera (once, though registered twice)', () => {
    const cameras = camerasFromWin32(decodeJson(recordedText('win32', 'dell-vbs', 'cameras.json'), 'test'));
    expect(cameras).toEqual([
      {
        id: 'USB\\VID_0C45&PID_6A1B&MI_00\\6&2E3D4F5A&0&0000',
        name: 'Integrated Webcam',
        driver: 'usbvideo',
        transport: 'usb',
        usb: { vendorId: '0c45', productId: '6a1b' },
      },
      {
        id: 'dshow:{A3FCE0F5-3493-419F-958A-ABA1250EC20B}',
        name: 'OBS Virtual Camera',
        driver: 'DirectShow source',
        transport: 'virtual',
        usb: null,
      },
    ]);
  });

  it('marks software device nodes (Windows 11 virtual cameras) as virtual', () => {
    const [camera] = camerasFromWin32({
      Devices: { PNPDeviceID: 'SWD\\VCAMDEVAPI\\B486E21F', Name: 'Phone Link camera' },
    });
    expect(camera?.transport).toBe('virtual');
  });
});
