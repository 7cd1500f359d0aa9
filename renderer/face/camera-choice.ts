import { virtualCameraReason } from '../../main/contract/camera-signatures';

/** A camera as the browser lists it (MediaDeviceInfo's useful part). */
export interface CameraDevice {
  deviceId: string;
  label: string;
}

export interface CameraChoice {
  camera: CameraDevice | null;
  /** Cameras that are not real local webcams, with why (same signatures as the device check). */
  refused: (CameraDevice & { reason: string })[];
  /** Why no camera was chosen. */
  reason?: string;
}

/** Laptop cameras name themselves so on every platform (Linux UVC, macOS, Windows). */
const builtIn = /\b(integrated|built-?in|internal|facetime)\b/i;

/**
 * Picks the camera for the face step: a built-in one if there is one, else the first other
 * physical camera; virtual cameras and capture dongles are refused. DOM-free: takes the labels
 * `enumerateDevices` returned once camera permission was granted.
 */
export function chooseCamera(devices: readonly CameraDevice[]): CameraChoice {
  if (devices.length === 0) return { camera: null, refused: [], reason: 'no camera found' };
  if (devices.every((d) => d.label === '')) {
    return { camera: null, refused: [], reason: 'camera names are hidden until camera access is allowed' };
  }
  const refused: CameraChoice['refused'] = [];
  const usable: CameraDevice[] = [];
  for (const device of devices) {
    const reason = virtualCameraReason(device.label);
    if (reason) refused.push({ ...device, reason });
    else usable.push(device);
  }
  const camera = usable.find((d) => builtIn.test(d.label)) ?? usable[0] ?? null;
  if (camera) return { camera, refused };
  return {
    camera: null,
    refused,
    reason: `no physical camera: ${refused.map((r) => `"${r.label}" is ${r.reason}`).join('; ')}`,
  };
}
