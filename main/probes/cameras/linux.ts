import { deviceSignatures } from '../../contract/device-signatures';
import type { Host } from '../host';
import { readLinuxModules } from '../machine/linux';
import { USB_INTERFACE } from '../usb/parse-sysfs';
import { baseName, hasLink, listFolder, readAttribute, resolvePath } from '../sysfs';
import type { CameraInfo, CameraTransport } from './camera';
import { relayLabels } from './parse-relay';

const LOOPBACK_MODULES = ['v4l2loopback', 'v4l2loopback_dc'];
const { mipiRelay } = deviceSignatures.virtualCameras;

/**
 * Video devices under /sys/class/video4linux. Where a node really lives decides its transport:
 * /sys/devices/virtual is a software device (v4l2loopback), a USB interface is a USB camera, a
 * platform device with no firmware node was made by a driver, not found on the machine.
 */
export async function readLinuxCameras(host: Host): Promise<CameraInfo[]> {
  const nodes = (await listFolder(host, '/sys/class/video4linux')).sort();
  if (nodes.length === 0) return [];
  const [modules, relay] = await Promise.all([readLinuxModules(host), readMipiRelay(host)]);
  const loopback = modules.find((m) => LOOPBACK_MODULES.includes(m)) ?? null;
  return Promise.all(
    nodes.map(async (id): Promise<CameraInfo> => {
      const folder = `/sys/class/video4linux/${id}`;
      const name = (await readAttribute(host, `${folder}/name`))?.trim() ?? id;
      const node = await resolvePath(host, folder);
      const device = (await hasLink(host, `${folder}/device`))
        ? await resolvePath(host, `${folder}/device`)
        : null;
      const transport = await transportOf(host, node, device);
      const driverLink = device ? await host.readLink(`${folder}/device/driver`).catch(() => null) : null;
      return {
        id,
        name,
        driver: driverLink ? baseName(driverLink) : transport === 'virtual' ? loopback : null,
        transport,
        usb:
          (transport === 'usb' || transport === 'usbip') && device
            ? await usbIds(host, device.slice(0, device.lastIndexOf('/')))
            : null,
        mipiRelay:
          transport === 'virtual' && relay && relay.labels.includes(name) ? { isp: relay.isp } : null,
      };
    }),
  );
}

async function transportOf(host: Host, node: string, device: string | null): Promise<CameraTransport> {
  const where = device ?? node;
  if (where.startsWith('/sys/devices/virtual/')) return 'virtual';
  if (device === null) return 'unknown';
  if (/\/vhci_hcd\.\d+\//.test(device)) return 'usbip';
  if (USB_INTERFACE.test(baseName(device))) return 'usb';
  if (device.startsWith('/sys/devices/platform/')) {
    // Firmware (ACPI or a device tree) describes the machine's own devices; a driver's invention has neither.
    const described =
      (await hasLink(host, `${device}/firmware_node`)) || (await hasLink(host, `${device}/of_node`));
    return described ? 'builtin' : 'platform';
  }
  return device.startsWith('/sys/devices/') ? 'builtin' : 'unknown';
}

/** The labels v4l2-relayd gives its loopback devices, when an image processor it relays is bound. */
async function readMipiRelay(host: Host): Promise<{ labels: string[]; isp: string } | null> {
  const isp = await firstBoundDriver(host, mipiRelay.ispDrivers);
  if (!isp) return null;
  const [file, folder] = mipiRelay.configFiles;
  const confs = (await listFolder(host, folder)).filter((name) => name.endsWith('.conf')).sort();
  const texts = await Promise.all(
    [file, ...confs.map((name) => `${folder}/${name}`)].map((path) => readAttribute(host, path)),
  );
  return { labels: texts.flatMap((text) => relayLabels(text ?? '')), isp };
}

async function firstBoundDriver(host: Host, drivers: readonly string[]): Promise<string | null> {
  for (const driver of drivers) {
    const entries = await listFolder(host, `/sys/bus/pci/drivers/${driver}`);
    if (entries.some((entry) => /^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/.test(entry))) return driver;
  }
  return null;
}

async function usbIds(host: Host, usbDevice: string): Promise<CameraInfo['usb']> {
  const [vendorId, productId] = await Promise.all(
    ['idVendor', 'idProduct'].map((name) => readAttribute(host, `${usbDevice}/${name}`)),
  );
  return vendorId && productId
    ? { vendorId: vendorId.toLowerCase(), productId: productId.toLowerCase() }
    : null;
}
