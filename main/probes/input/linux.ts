import type { Host } from '../host';
import { listFolder, readAttribute, resolvePath } from '../sysfs';
import type { InputAttachment, InputDevice } from './input-device';
import { busName, isKeyboard, parseBitmap, pointerKind } from './parse-capabilities';

const CLASS = '/sys/class/input';
const INPUT = /^input\d+$/;

/** Every input device the kernel knows, with where it really lives and what it can send. */
export async function readLinuxInput(host: Host): Promise<InputDevice[]> {
  const names = (await listFolder(host, CLASS)).filter((name) => INPUT.test(name));
  names.sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  return Promise.all(names.map((name) => readInputDevice(host, `${CLASS}/${name}`)));
}

async function readInputDevice(host: Host, folder: string): Promise<InputDevice> {
  const read = (name: string): Promise<string> =>
    readAttribute(host, `${folder}/${name}`).then((value) => value ?? '');
  const [name, bustype, vendor, product, key, rel, abs, where] = await Promise.all([
    read('name'),
    read('id/bustype'),
    read('id/vendor'),
    read('id/product'),
    read('capabilities/key'),
    read('capabilities/rel'),
    read('capabilities/abs'),
    resolvePath(host, folder),
  ]);
  const capabilities = { key: parseBitmap(key), rel: parseBitmap(rel), abs: parseBitmap(abs) };
  return {
    name: name.trim().slice(0, 128),
    bus: busName(bustype),
    vendorId: hex4(vendor),
    productId: hex4(product),
    attachment: attachmentOf(where),
    keyboard: isKeyboard(capabilities),
    pointer: pointerKind(capabilities),
  };
}

const hex4 = (text: string): string => (/^[0-9a-f]{4}$/i.test(text.trim()) ? text.trim().toLowerCase() : '');

/** Where the device folder really is says who made it (drivers/input/misc/uinput.c, drivers/hid/uhid.c). */
export function attachmentOf(path: string): InputAttachment {
  if (/\/vhci_hcd\.\d+\//.test(path)) return 'usbip';
  if (path.startsWith('/sys/devices/virtual/misc/uhid/')) return 'uhid';
  if (path.startsWith('/sys/devices/virtual/input/')) return 'software';
  return 'hardware';
}
