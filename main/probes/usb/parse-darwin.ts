import { rowsOf, text, type JsonRow } from '../json-rows';
import { profilerItems } from '../system-profiler';
import type { UsbDevice } from './usb-device';

/** `0x043e  (LG Electronics USA Inc.)`, `0x05ac`, or Apple's own `apple_vendor_id`. */
function usbId(value: string | null): string | null {
  if (value === 'apple_vendor_id') return '05ac';
  const match = /^0x([0-9a-f]{1,4})\b/i.exec(value ?? '');
  return match ? (match[1] ?? '').toLowerCase().padStart(4, '0') : null;
}

/** Both generations of the report: SPUSBDataType (to macOS 15) and SPUSBHostDataType (15+). */
function deviceOf(item: JsonRow): UsbDevice | null {
  const rawVendor = text(item, 'vendor_id') ?? text(item, 'USBDeviceKeyVendorID');
  const rawProduct = text(item, 'product_id') ?? text(item, 'USBDeviceKeyProductID');
  if (rawVendor === null && rawProduct === null) return null;
  const vendorId = usbId(rawVendor);
  const productId = usbId(rawProduct);
  const location = (text(item, 'location_id') ?? text(item, 'USBKeyLocationID') ?? '').split(' ')[0] ?? '';
  return {
    location,
    vendorId: vendorId ?? '',
    productId: productId ?? '',
    manufacturer: text(item, 'manufacturer') ?? text(item, 'USBDeviceKeyVendorName'),
    product: text(item, 'USBDeviceKeyProductName') ?? text(item, '_name'),
    serial: text(item, 'serial_num') ?? text(item, 'USBDeviceKeySerialNumber'),
    // system_profiler does not report class codes or interfaces.
    deviceClass: null,
    interfaces: [],
    rootHub: false,
    error:
      vendorId && productId
        ? null
        : `unreadable USB ids: vendor ${rawVendor ?? '?'}, product ${rawProduct ?? '?'}`,
  };
}

/** Every device under every bus (buses themselves carry no ids), each listed once. */
export function usbDevicesFromProfiler(report: unknown): UsbDevice[] {
  const byKey = new Map<string, UsbDevice>();
  const walk = (items: JsonRow[]): void => {
    for (const item of items) {
      const device = deviceOf(item);
      if (device) byKey.set(`${device.location}/${device.vendorId}:${device.productId}`, device);
      walk(rowsOf(item._items));
    }
  };
  walk([...profilerItems(report, 'SPUSBDataType'), ...profilerItems(report, 'SPUSBHostDataType')]);
  return [...byKey.values()];
}
