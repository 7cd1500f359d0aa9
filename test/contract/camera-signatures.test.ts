import { describe, expect, it } from 'vitest';
import { usbIdsInLabel, virtualCameraReason } from '../../main/contract/camera-signatures';

describe('virtualCameraReason', () => {
  it.each([
    ['OBS Virtual Camera', 'a known virtual camera ("OBS Virtual Camera")'],
    ['Dummy video device (0x0000)', 'a known virtual camera ("Dummy video device")'],
    ['DroidCam Source 3', 'a known virtual camera ("Droidcam")'],
    ['Reincubate Camo', 'a known virtual camera ("Camo")'],
    ['ManyCam Virtual Webcam', 'a known virtual camera ("ManyCam Virtual Webcam")'],
    ['My Virtual Cam', 'its name says it is virtual'],
  ])('flags %s', (label, reason) => {
    expect(virtualCameraReason(label)).toBe(reason);
  });

  it('flags an HDMI capture dongle by USB ids, given or taken from a browser label', () => {
    expect(virtualCameraReason('USB Video', { vendorId: '534d', productId: '2109' })).toContain('MS2109');
    expect(virtualCameraReason('USB3.0 Capture (345f:2130)')).toContain('video capture dongle');
  });

  it('flags an analog video grabber posing as a webcam by its USB ids (real capture: ffmpeg dshow list)', () => {
    // test/fixtures/recorded/win32/ffmpeg-avermedia-capture-lenovo-cameras
    expect(
      virtualCameraReason('AVerMedia USB Polaris Analog Capture', { vendorId: '07ca', productId: 'c039' }),
    ).toContain('AVerMedia DVD EZMaker 7');
  });

  it.each([
    'Integrated Camera: Integrated C',
    'Logitech BRIO (046d:085e)',
    'FaceTime HD Camera',
    'Camouflage Cam', // "Camo" only as a whole word
  ])('passes a real camera: %s', (label) => {
    expect(virtualCameraReason(label)).toBeNull();
  });

  it('reads the ids Chromium appends to labels', () => {
    expect(usbIdsInLabel('Integrated Camera (04F2:B6EA)')).toEqual({ vendorId: '04f2', productId: 'b6ea' });
    expect(usbIdsInLabel('Integrated Camera')).toBeNull();
  });
});
