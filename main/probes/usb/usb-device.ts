import { z } from 'zod';

/** What an interface's HID report descriptor declares (Linux reads it; other OSes do not yet). */
export const HidSummary = z.object({
  /** Top-level application collections: keyboard, mouse, pen, touch-screen, consumer-control, fido, vendor… */
  applications: z.array(z.string().max(32)).max(32),
  /** A mouse or pointer collection whose X and Y are absolute (a KVM's or a tablet's cursor). */
  absolutePointer: z.boolean(),
});
export type HidSummary = z.infer<typeof HidSummary>;

export const UsbInterface = z.object({
  interfaceClass: z.number().int(),
  interfaceSubClass: z.number().int(),
  interfaceProtocol: z.number().int(),
  hid: HidSummary.nullable().optional(),
});
export type UsbInterface = z.infer<typeof UsbInterface>;

/** A SCSI logical unit behind a mass-storage interface, as its INQUIRY answer names it. */
export const UsbStorageUnit = z.object({
  vendor: z.string().max(16),
  model: z.string().max(32),
  /** SCSI peripheral type 5: a CD/DVD drive (KVMs mount ISO images as one). */
  cdrom: z.boolean(),
});
export type UsbStorageUnit = z.infer<typeof UsbStorageUnit>;

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
  /** Its storage units' INQUIRY strings (Linux). */
  storage: z.array(UsbStorageUnit).max(16).optional(),
  /** Attached over the network with USB/IP (Linux: under a vhci_hcd virtual host controller). */
  usbip: z.boolean().optional(),
});
export type UsbDevice = z.infer<typeof UsbDevice>;
