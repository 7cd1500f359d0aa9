import { z } from 'zod';

export const UsbInterface = z.object({
  interfaceClass: z.number().int(),
  interfaceSubClass: z.number().int(),
  interfaceProtocol: z.number().int(),
});
export type UsbInterface = z.infer<typeof UsbInterface>;

/** A USB device as enumerated by the host; every string here is chosen by the device. */
export const UsbDevice = z.object({
  /** Where it sits on the bus (Linux 1-1.2, macOS location id, Windows instance id). */
  location: z.string().max(256),
  vendorId: z.string().max(8),
  productId: z.string().max(8),
  manufacturer: z.string().max(256).nullable(),
  product: z.string().max(256).nullable(),
  serial: z.string().max(256).nullable(),
  deviceClass: z.number().int().nullable(),
  interfaces: z.array(UsbInterface).max(64),
  /** A host controller's root hub, not a plugged-in device. */
  rootHub: z.boolean(),
  /** Malformed data read for this device; its other fields may be partial. */
  error: z.string().max(512).nullable(),
});
export type UsbDevice = z.infer<typeof UsbDevice>;
