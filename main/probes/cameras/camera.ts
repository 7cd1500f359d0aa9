import { z } from 'zod';

/**
 * How a video device reaches this computer: `platform` is a platform device that no firmware
 * describes (made by a driver, like the vivid test camera), `usbip` a USB camera plugged into
 * another computer and attached over the network.
 */
export const CameraTransport = z.enum(['builtin', 'usb', 'virtual', 'platform', 'usbip', 'unknown']);
export type CameraTransport = z.infer<typeof CameraTransport>;

export const CameraInfo = z.object({
  /** Stable id for the device on this OS (video0, a DirectShow moniker, a unique id). */
  id: z.string().max(512),
  name: z.string().max(256),
  driver: z.string().max(256).nullable(),
  transport: CameraTransport,
  /** USB identity of the device behind the camera, when it is on USB. */
  usb: z.object({ vendorId: z.string().max(8), productId: z.string().max(8) }).nullable(),
  /**
   * Linux: a loopback device that v4l2-relayd feeds from a MIPI camera, named by its settings'
   * CARD_LABEL, with the image processor's driver bound on PCI (how Intel IPU6 cameras reach apps
   * on Ubuntu); null when that is not so.
   */
  mipiRelay: z
    .object({ isp: z.string().max(64) })
    .nullable()
    .optional(),
});
export type CameraInfo = z.infer<typeof CameraInfo>;
