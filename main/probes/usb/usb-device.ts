export interface UsbInterface {
  interfaceClass: number;
  interfaceSubClass: number;
  interfaceProtocol: number;
}

/** A USB device as enumerated by the host; every string here is chosen by the device. */
export interface UsbDevice {
  /** Where it sits on the bus (Linux 1-1.2, macOS location id, Windows instance id). */
  location: string;
  vendorId: string;
  productId: string;
  manufacturer: string | null;
  product: string | null;
  serial: string | null;
  deviceClass: number | null;
  interfaces: UsbInterface[];
  /** A host controller's root hub, not a plugged-in device. */
  rootHub: boolean;
  /** Malformed data read for this device; its other fields may be partial. */
  error: string | null;
}
