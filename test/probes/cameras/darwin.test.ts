import { describe, expect, it } from 'vitest';
import { camerasFromProfiler } from '../../../main/probes/cameras/parse-darwin';
import { decodeJson } from '../../../main/probes/command';
import { recordedText } from '../../support/replay-host';

describe('macOS cameras from system_profiler', () => {
  it('tells the built-in FaceTime camera, a UVC camera with its ids, and OBS Virtual Camera apart', () => {
    const cameras = camerasFromProfiler(
      decodeJson(recordedText('darwin', 'obs-virtual-camera', 'system-profiler-camera.json'), 'test'),
    );
    expect(cameras.map((c) => [c.name, c.transport, c.usb])).toEqual([
      ['FaceTime HD Camera', 'builtin', null],
      ['OBS Virtual Camera', 'unknown', null],
      ['USB Video', 'usb', { vendorId: '534d', productId: '2109' }],
    ]);
  });

  it('skips nothing and invents nothing on an empty report', () => {
    expect(camerasFromProfiler({ SPCameraDataType: [] })).toEqual([]);
    expect(camerasFromProfiler([])).toEqual([]);
  });
});
