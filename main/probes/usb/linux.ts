import type { Host } from '../host';
import { baseName, listFolder, readAttribute, resolvePath } from '../sysfs';
import { summariseHidDescriptor } from './parse-hid-descriptor';
import { parseUsbClass, parseUsbId, USB_DEVICE, USB_INTERFACE } from './parse-sysfs';
import type { HidSummary, UsbDevice, UsbInterface, UsbStorageUnit } from './usb-device';

const DEVICES = '/sys/bus/usb/devices';
const HID = 0x03;
/** A HID device under its interface: BUS:VENDOR:PRODUCT.INSTANCE (drivers/hid/hid-core.c). */
const HID_DEVICE = /^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{4}\.[0-9A-F]{4}$/;
/** usbip's virtual host controllers are platform devices vhci_hcd.N (drivers/usb/usbip/vhci_hcd.c). */
const VHCI = /\/vhci_hcd\.\d+\//;
/** SCSI peripheral device type of a CD/DVD drive (SPC: 05h, MMC device). */
const SCSI_CDROM = '5';

/** Every USB device under /sys/bus/usb/devices, with its interfaces; garbage becomes `error`. */
export async function readLinuxUsb(host: Host): Promise<UsbDevice[]> {
  const names = (await listFolder(host, DEVICES)).filter((name) => USB_DEVICE.test(name)).sort();
  const storage = await readStorageUnits(host);
  return Promise.all(names.map((name) => readDevice(host, name, storage.get(name) ?? [])));
}

async function readDevice(host: Host, location: string, storage: UsbStorageUnit[]): Promise<UsbDevice> {
  const folder = `${DEVICES}/${location}`;
  const attribute = (name: string): Promise<string | null> => readAttribute(host, `${folder}/${name}`);
  const [idVendor, idProduct, manufacturer, product, serial, deviceClass, children, where] =
    await Promise.all([
      attribute('idVendor'),
      attribute('idProduct'),
      attribute('manufacturer'),
      attribute('product'),
      attribute('serial'),
      attribute('bDeviceClass'),
      listFolder(host, folder),
      resolvePath(host, folder).catch(() => folder),
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
    storage,
    usbip: VHCI.test(`${where}/`),
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
  if (error) return { value: null, error: `${baseName(folder)} ${error}` };
  if (klass!.value === null) return { value: null, error: null };
  return {
    value: {
      interfaceClass: klass!.value,
      interfaceSubClass: subClass!.value ?? 0,
      interfaceProtocol: protocol!.value ?? 0,
      ...(klass!.value === HID ? { hid: await readHidSummary(host, folder) } : {}),
    },
    error: null,
  };
}

/** The report descriptor of the HID device the kernel made from this interface, if bound. */
async function readHidSummary(host: Host, interfaceFolder: string): Promise<HidSummary | null> {
  const hid = (await listFolder(host, interfaceFolder)).find((name) => HID_DEVICE.test(name));
  if (!hid) return null;
  const bytes = await host.readBytes(`${interfaceFolder}/${hid}/report_descriptor`).catch(() => null);
  return bytes ? summariseHidDescriptor(bytes) : null;
}

/**
 * Every SCSI unit (/sys/class/scsi_device) that sits under a USB device, keyed by that device's
 * bus location, with the vendor and model of its INQUIRY answer (drivers/scsi/scsi_sysfs.c).
 */
async function readStorageUnits(host: Host): Promise<Map<string, UsbStorageUnit[]>> {
  const units = new Map<string, UsbStorageUnit[]>();
  for (const name of (await listFolder(host, '/sys/class/scsi_device')).sort()) {
    const device = await resolvePath(host, `/sys/class/scsi_device/${name}/device`).catch(() => null);
    const owner = device
      ?.split('/')
      .filter((part) => USB_DEVICE.test(part) && !part.startsWith('usb'))
      .pop();
    if (!device || !owner) continue;
    const [vendor, model, type] = await Promise.all(
      ['vendor', 'model', 'type'].map((attribute) => readAttribute(host, `${device}/${attribute}`)),
    );
    const unit = {
      vendor: (vendor ?? '').trim(),
      model: (model ?? '').trim(),
      cdrom: type?.trim() === SCSI_CDROM,
    };
    units.set(owner, [...(units.get(owner) ?? []), unit]);
  }
  return units;
}
