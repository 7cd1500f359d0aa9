import { deviceSignatures } from '../../contract/device-signatures';
import { virtualCameraReason } from '../../contract/camera-signatures';
import type { CameraInfo } from '../../probes/cameras/camera';
import { defineCheck } from '../check';
import type { Finding } from '../presence/finding';
import { judge } from '../presence/finding';

const { linuxModules, testDrivers, captureDrivers } = deviceSignatures.virtualCameras;

function cameraFinding(camera: CameraInfo): Finding | null {
  // Ubuntu relays IPU6 MIPI cameras through a loopback device: the picture still comes from the lens.
  if (camera.mipiRelay && camera.transport === 'virtual') return null;
  if (camera.driver && linuxModules.includes(camera.driver)) {
    return { verdict: 'fail', reason: `a virtual camera (${camera.driver} driver)` };
  }
  if (camera.driver && testDrivers.includes(camera.driver)) {
    return { verdict: 'fail', reason: `a test camera that makes its picture up (${camera.driver} driver)` };
  }
  if (camera.driver && captureDrivers.includes(camera.driver)) {
    return { verdict: 'fail', reason: `a video capture card, not a camera (${camera.driver} driver)` };
  }
  if (camera.transport === 'usbip') {
    return {
      verdict: 'fail',
      reason: 'a camera plugged into another computer, attached over the network (USB/IP)',
    };
  }
  if (camera.transport === 'platform') {
    return {
      verdict: 'fail',
      reason: 'a camera made by a driver, not found on the machine (no firmware describes it)',
    };
  }
  const reason = virtualCameraReason(camera.name, camera.usb);
  if (reason) return { verdict: 'fail', reason };
  if (camera.transport === 'virtual')
    return { verdict: 'fail', reason: 'a software video device, not backed by hardware' };
  return null;
}

export const cameraVirtualCheck = defineCheck({
  id: 'camera.virtual',
  title: 'Cameras',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['cameras'],
  severity: 'high',
  rationale:
    'A virtual camera (OBS, v4l2loopback, DroidCam, ManyCam…), a test camera (vivid), a capture card or an HDMI ' +
    'capture dongle posing as a webcam, or a camera attached over the network (USB/IP) can feed a recorded or ' +
    'remote face into the identity check. On Linux a camera is judged by where the kernel put it and its driver; ' +
    "Ubuntu's relay of Intel IPU6 MIPI cameras (v4l2-relayd) passes when the image processor is present.",
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
          ...(c.mipiRelay ? { relayOf: `MIPI camera (${c.mipiRelay.isp}) via v4l2-relayd` } : {}),
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
