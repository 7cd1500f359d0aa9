import { rowsOf, strings, text, type JsonRow } from '../json-rows';
import type { UsbDevice, UsbInterface } from './usb-device';

/** `USB\VID_046D&PID_C52B&MI_00\7&2B5C3F0&0&0000`: ids, interface number, instance. */
const INSTANCE = /^USB\\VID_([0-9A-F]{4})&PID_([0-9A-F]{4})(?:&MI_([0-9A-F]{2}))?(?:&[^\\]*)?\\(.+)$/i;

/** `USB\Class_03&SubClass_01&Prot_01` (an interface) or `USB\DevClass_00&…` (a composite device). */
function classCodes(ids: readonly string[], prefix: 'Class' | 'DevClass'): UsbInterface | null {
  const pattern = new RegExp(
    `^USB\\\\${prefix}_([0-9A-F]{2})&SubClass_([0-9A-F]{2})&Prot_([0-9A-F]{2})$`,
    'i',
  );
  for (const id of ids) {
    const match = pattern.exec(id);
    if (match) {
      return {
        interfaceClass: parseInt(match[1] ?? '0', 16),
        interfaceSubClass: parseInt(match[2] ?? '0', 16),
        interfaceProtocol: parseInt(match[3] ?? '0', 16),
      };
    }
  }
  return null;
}

/** INF placeholders such as "(Standard system devices)" are not the device's own manufacturer. */
function manufacturerOf(row: JsonRow): string | null {
  const value = text(row, 'Manufacturer');
  return value === null || value.startsWith('(') ? null : value;
}

/**
 * Win32_PnPEntity rows under USB\VID_*: a device, and for a composite device one row per interface
 * (`&MI_xx`) carrying that interface's class in its compatible ids. Windows uses the device's serial
 * as the instance id when it has one; otherwise the instance holds `&`. Interfaces cannot be tied to
 * one of two identical devices, so they join every device with the same VID:PID.
 */
export function usbDevicesFromWin32(value: unknown): UsbDevice[] {
  const rows = rowsOf(value);
  const interfaces = new Map<string, Map<string, UsbInterface>>();
  for (const row of rows) {
    const match = INSTANCE.exec(text(row, 'PNPDeviceID') ?? '');
    const codes = classCodes(strings(row, 'CompatibleID'), 'Class');
    if (!match?.[3] || !codes) continue;
    const key = `${match[1]}:${match[2]}`.toLowerCase();
    interfaces.set(key, (interfaces.get(key) ?? new Map<string, UsbInterface>()).set(match[3], codes));
  }
  const devices: UsbDevice[] = [];
  for (const row of rows) {
    const id = text(row, 'PNPDeviceID') ?? '';
    const match = INSTANCE.exec(id);
    if (match?.[3]) continue;
    if (!match) {
      if (/^USB\\VID_/i.test(id)) devices.push(unreadable(id));
      continue;
    }
    const [, vendor = '', product = '', , instance = ''] = match;
    const compatible = strings(row, 'CompatibleID');
    const own = classCodes(compatible, 'Class');
    const composite = classCodes(compatible, 'DevClass');
    const children = [...(interfaces.get(`${vendor}:${product}`.toLowerCase())?.entries() ?? [])]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, codes]) => codes);
    devices.push({
      location: id,
      vendorId: vendor.toLowerCase(),
      productId: product.toLowerCase(),
      manufacturer: manufacturerOf(row),
      product: text(row, 'BusReportedDeviceDesc') ?? text(row, 'Name'),
      serial: instance.includes('&') ? null : instance,
      deviceClass: composite?.interfaceClass ?? null,
      interfaces: children.length > 0 ? children : own ? [own] : [],
      rootHub: false,
      error: null,
    });
  }
  return devices;
}

function unreadable(id: string): UsbDevice {
  return {
    location: id,
    vendorId: '',
    productId: '',
    manufacturer: null,
    product: null,
    serial: null,
    deviceClass: null,
    interfaces: [],
    rootHub: false,
    error: `unreadable USB instance id: ${id}`,
  };
}
