import { deviceSignatures } from '../../contract/device-signatures';
import { virtualCameraReason } from '../../contract/camera-signatures';
import type { CameraInfo } from '../../probes/cameras/camera';
import { defineCheck } from '../check';
import type { Finding } from '../presence/finding';
import { judge } from '../presence/finding';

function cameraFinding(camera: CameraInfo): Finding | null {
  if (camera.driver && deviceSignatures.virtualCameras.linuxModules.includes(camera.driver)) {
    return { verdict: 'fail', reason: `a virtual camera (${camera.driver} driver)` };
  }
  const reason = virtualCameraReason(camera.name, camera.usb);
  if (reason) return { verdict: 'fail', reason };
  if (camera.transport === 'virtual')
    return { verdict: 'fail', reason: 'a software video device, not backed by hardware' };
  return null;
}

export const cameraVirtualCheck = defineCheck({
  id: 'camera.virtual',
  title: 'Cameras are real cameras',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['cameras'],
  severity: 'high',
  rationale:
    'A virtual camera (OBS, v4l2loopback, DroidCam, ManyCam…) or an HDMI capture dongle posing as a webcam ' +
    'can feed a recorded or remote face into the identity check.',
  remediation:
    'Quit or uninstall the virtual camera named above (or unplug the capture dongle), then press Re-check.',
  rule({ cameras }) {
    return judge(
      cameras.map((c) => ({
        name: `${c.id} "${c.name}"`,
        finding: cameraFinding(c),
        row: {
          id: c.id,
          name: c.name,
          driver: c.driver,
          transport: c.transport,
          usb: c.usb ? `${c.usb.vendorId}:${c.usb.productId}` : null,
        },
      })),
      [],
      {
        fail: 'A camera is not a real camera:',
        warn: 'A camera needs a human look:',
        error: '',
        pass:
          cameras.length === 0
            ? 'No camera found.'
            : `${cameras.length} video device(s), none of them virtual or a capture dongle.`,
      },
    );
  },
});
