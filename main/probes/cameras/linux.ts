import type { Host } from '../host';
import { readLinuxModules } from '../machine/linux';
import { USB_INTERFACE } from '../usb/parse-sysfs';
import { baseName, hasLink, listFolder, readAttribute, resolvePath } from '../sysfs';
import type { CameraInfo, CameraTransport } from './camera';

const LOOPBACK_MODULES = ['v4l2loopback', 'v4l2loopback_dc'];

/**
 * Video devices under /sys/class/video4linux. Where a node really lives decides its transport:
 * /sys/devices/virtual is a software device (v4l2loopback), a USB interface is a USB camera.
 */
export async function readLinuxCameras(host: Host): Promise<CameraInfo[]> {
  const nodes = (await listFolder(host, '/sys/class/video4linux')).sort();
  if (nodes.length === 0) return [];
  const loopback = (await readLinuxModules(host)).find((m) => LOOPBACK_MODULES.includes(m)) ?? null;
  return Promise.all(
    nodes.map(async (id): Promise<CameraInfo> => {
      const folder = `/sys/class/video4linux/${id}`;
      const name = (await readAttribute(host, `${folder}/name`))?.trim() ?? id;
      const node = await resolvePath(host, folder);
      const device = (await hasLink(host, `${folder}/device`))
        ? await resolvePath(host, `${folder}/device`)
        : null;
      const transport = transportOf(node, device);
      const driverLink = device ? await host.readLink(`${folder}/device/driver`).catch(() => null) : null;
      return {
        id,
        name,
        driver: driverLink ? baseName(driverLink) : transport === 'virtual' ? loopback : null,
        transport,
        usb:
          transport === 'usb' && device ? await usbIds(host, device.slice(0, device.lastIndexOf('/'))) : null,
      };
    }),
  );
}

function transportOf(node: string, device: string | null): CameraTransport {
  const where = device ?? node;
  if (where.startsWith('/sys/devices/virtual/')) return 'virtual';
  if (device === null) return 'unknown';
  if (USB_INTERFACE.test(baseName(device))) return 'usb';
  return device.startsWith('/sys/devices/') ? 'builtin' : 'unknown';
}

async function usbIds(host: Host, usbDevice: string): Promise<CameraInfo['usb']> {
  const [vendorId, productId] = await Promise.all(
    ['idVendor', 'idProduct'].map((name) => readAttribute(host, `${usbDevice}/${name}`)),
  );
  return vendorId && productId
    ? { vendorId: vendorId.toLowerCase(), productId: productId.toLowerCase() }
    : null;
}
