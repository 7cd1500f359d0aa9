import { text } from '../json-rows';
import { profilerItems } from '../system-profiler';
import type { CameraInfo, CameraTransport } from './camera';

function hex4(decimal: string | undefined): string {
  return Number(decimal ?? 0)
    .toString(16)
    .padStart(4, '0');
}

/**
 * `system_profiler -json SPCameraDataType`. A USB (UVC) camera's model id carries its ids in
 * decimal ("UVC Camera VendorID_1133 ProductID_2093"); Apple's own cameras are named FaceTime.
 * Anything else (a Continuity iPhone, a software camera) is left for the camera check to judge.
 */
export function camerasFromProfiler(report: unknown): CameraInfo[] {
  return profilerItems(report, 'SPCameraDataType').map((item, index) => {
    const name = text(item, '_name') ?? text(item, 'spcamera_model-id') ?? `camera ${index + 1}`;
    const model = text(item, 'spcamera_model-id') ?? text(item, 'spcamera_model_id') ?? '';
    const uvc = /UVC Camera VendorID_(\d+) ProductID_(\d+)/.exec(model);
    const transport: CameraTransport = uvc ? 'usb' : /FaceTime/i.test(name) ? 'builtin' : 'unknown';
    return {
      id: text(item, 'spcamera_unique-id') ?? text(item, 'spcamera_unique_id') ?? name,
      name,
      driver: model || null,
      transport,
      usb: uvc ? { vendorId: hex4(uvc[1]), productId: hex4(uvc[2]) } : null,
    };
  });
}
