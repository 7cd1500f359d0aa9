import type { Host } from '../host';
import { baseName, listFolder, readAttribute, resolvePath } from '../sysfs';
import type { PciFunction, VirtualHardware } from './machine';

/** Files every driver folder has (Documentation/ABI/testing/sysfs-bus-*): anything else is a bound device. */
const DRIVER_FILES = new Set(['bind', 'unbind', 'uevent', 'new_id', 'remove_id', 'module']);

/** The machine's device structure, read from the kernel's device model (no DMI string involved). */
export async function readVirtualHardware(host: Host): Promise<VirtualHardware> {
  const [pci, virtio, vmbus, fwCfg, acpi, boundDrivers] = await Promise.all([
    readPci(host),
    readVirtio(host),
    listFolder(host, '/sys/bus/vmbus/devices'),
    listFolder(host, '/sys/firmware/qemu_fw_cfg'),
    listFolder(host, '/sys/bus/acpi/devices'),
    readBoundDrivers(host),
  ]);
  return {
    pci,
    virtio,
    vmbusDevices: vmbus.length,
    qemuFwCfg: fwCfg.length > 0,
    // An ACPI device is named HID:instance (drivers/acpi/scan.c).
    acpiIds: [...new Set(acpi.map((name) => name.replace(/:\d+$/, '')))].sort(),
    boundDrivers,
  };
}

const hexId = (text: string | null): string | null => {
  const match = /^0x([0-9a-f]{4})$/i.exec(text?.trim() ?? '');
  return match ? match[1]!.toLowerCase() : null;
};

async function readPci(host: Host): Promise<PciFunction[]> {
  const names = (await listFolder(host, '/sys/bus/pci/devices')).sort();
  return Promise.all(
    names.map(async (name) => {
      const folder = `/sys/bus/pci/devices/${name}`;
      const [vendor, device, subsystem, driver] = await Promise.all([
        readAttribute(host, `${folder}/vendor`),
        readAttribute(host, `${folder}/device`),
        readAttribute(host, `${folder}/subsystem_vendor`),
        host.readLink(`${folder}/driver`).catch(() => null),
      ]);
      return {
        vendorId: hexId(vendor) ?? '',
        productId: hexId(device) ?? '',
        subsystemVendorId: hexId(subsystem),
        driver: driver ? baseName(driver) : null,
      };
    }),
  );
}

async function readVirtio(host: Host): Promise<VirtualHardware['virtio']> {
  const names = (await listFolder(host, '/sys/bus/virtio/devices')).sort();
  return Promise.all(
    names.map(async (name) => {
      const folder = `/sys/bus/virtio/devices/${name}`;
      const [where, type] = await Promise.all([
        resolvePath(host, folder).catch(() => folder),
        readAttribute(host, `${folder}/device`),
      ]);
      // virtio-mmio devices are platform devices (drivers/virtio/virtio_mmio.c); PCI ones sit under their function.
      const transport = /virtio[-_]mmio/.test(where)
        ? 'mmio'
        : where.startsWith('/sys/devices/pci')
          ? 'pci'
          : 'other';
      return { transport, deviceType: parseInt(type ?? '', 16) || 0 } as const;
    }),
  );
}

async function readBoundDrivers(host: Host): Promise<string[]> {
  const bound: string[] = [];
  for (const bus of (await listFolder(host, '/sys/bus')).sort()) {
    for (const driver of (await listFolder(host, `/sys/bus/${bus}/drivers`)).sort()) {
      const entries = await listFolder(host, `/sys/bus/${bus}/drivers/${driver}`);
      if (entries.some((entry) => !DRIVER_FILES.has(entry))) bound.push(`${bus}/${driver}`);
    }
  }
  return bound;
}
