import { z } from 'zod';

export const CameraTransport = z.enum(['builtin', 'usb', 'virtual', 'unknown']);
export type CameraTransport = z.infer<typeof CameraTransport>;

export const CameraInfo = z.object({
  /** Stable id for the device on this OS (video0, a DirectShow moniker, a unique id). */
  id: z.string().max(512),
  name: z.string().max(256),
  driver: z.string().max(256).nullable(),
  transport: CameraTransport,
  /** USB identity of the device behind the camera, when it is on USB. */
  usb: z.object({ vendorId: z.string().max(8), productId: z.string().max(8) }).nullable(),
});
export type CameraInfo = z.infer<typeof CameraInfo>;
