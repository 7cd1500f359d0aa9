import type { Host } from '../host';
import { listFolder, readAttribute } from '../sysfs';
import { parseUsbClass, parseUsbId, USB_DEVICE, USB_INTERFACE } from './parse-sysfs';
import type { UsbDevice, UsbInterface } from './usb-device';

const DEVICES = '/sys/bus/usb/devices';

/** Every USB device under /sys/bus/usb/devices, with its interfaces; garbage becomes `error`. */
export async function readLinuxUsb(host: Host): Promise<UsbDevice[]> {
  const names = (await listFolder(host, DEVICES)).filter((name) => USB_DEVICE.test(name)).sort();
  return Promise.all(names.map((name) => readDevice(host, name)));
}

async function readDevice(host: Host, location: string): Promise<UsbDevice> {
  const folder = `${DEVICES}/${location}`;
  const attribute = (name: string): Promise<string | null> => readAttribute(host, `${folder}/${name}`);
  const [idVendor, idProduct, manufacturer, product, serial, deviceClass, children] = await Promise.all([
    attribute('idVendor'),
    attribute('idProduct'),
    attribute('manufacturer'),
    attribute('product'),
    attribute('serial'),
    attribute('bDeviceClass'),
    listFolder(host, folder),
  ]);
  const vendor = parseUsbId('idVendor', idVendor);
  const productId = parseUsbId('idProduct', idProduct);
  const klass = parseUsbClass('bDeviceClass', deviceClass);
  const interfaces = await Promise.all(
    children
      .filter((child) => USB_INTERFACE.test(child))
      .sort()
      .map((child) => readInterface(host, `${folder}/${child}`)),
  );
  const errors = [vendor.error, productId.error, klass.error, ...interfaces.map((i) => i.error)].filter(
    (e): e is string => e !== null,
  );
  return {
    location,
    vendorId: vendor.value,
    productId: productId.value,
    manufacturer,
    product,
    serial,
    deviceClass: klass.value,
    interfaces: interfaces.flatMap((i) => (i.value ? [i.value] : [])),
    rootHub: location.startsWith('usb'),
    error: errors.length > 0 ? `${folder}: ${errors.join('; ')}` : null,
  };
}

async function readInterface(
  host: Host,
  folder: string,
): Promise<{ value: UsbInterface | null; error: string | null }> {
  const [klass, subClass, protocol] = await Promise.all(
    ['bInterfaceClass', 'bInterfaceSubClass', 'bInterfaceProtocol'].map(async (name) =>
      parseUsbClass(name, await readAttribute(host, `${folder}/${name}`)),
    ),
  );
  const error = [klass!.error, subClass!.error, protocol!.error].filter((e) => e !== null).join('; ');
  if (error) return { value: null, error: `${folder.slice(folder.lastIndexOf('/') + 1)} ${error}` };
  if (klass!.value === null) return { value: null, error: null };
  return {
    value: {
      interfaceClass: klass!.value,
      interfaceSubClass: subClass!.value ?? 0,
      interfaceProtocol: protocol!.value ?? 0,
    },
    error: null,
  };
}
