export type CameraTransport = 'builtin' | 'usb' | 'virtual' | 'unknown';

export interface CameraInfo {
  /** Stable id for the device on this OS (video0, a DirectShow moniker, a unique id). */
  id: string;
  name: string;
  driver: string | null;
  transport: CameraTransport;
  /** USB identity of the device behind the camera, when it is on USB. */
  usb: { vendorId: string; productId: string } | null;
}
