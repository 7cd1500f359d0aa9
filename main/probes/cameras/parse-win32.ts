import { field, rowsOf, text } from '../json-rows';
import type { CameraInfo, CameraTransport } from './camera';

const USB_IDS = /^USB\\VID_([0-9A-F]{4})&PID_([0-9A-F]{4})/i;

/** Where a camera device sits: a USB bus, a MIPI sensor on the SoC, or a software device node. */
function transportOf(instanceId: string): CameraTransport {
  if (USB_IDS.test(instanceId)) return 'usb';
  if (/^(SWD|ROOT)\\/i.test(instanceId)) return 'virtual';
  if (/^(ACPI|INTC|MIPI)\\/i.test(instanceId) || /^\w+\\INT\d/i.test(instanceId)) return 'builtin';
  return 'unknown';
}

/**
 * Camera and Image class PnP devices, plus the DirectShow video sources registered in software
 * (CLSID_VideoInputDeviceCategory\Instance): OBS Virtual Camera, ManyCam, e2eSoft VCam… Physical
 * cameras reach DirectShow through the kernel-streaming enumerator and are not registered there.
 */
export function camerasFromWin32(value: unknown): CameraInfo[] {
  const cameras: CameraInfo[] = [];
  for (const row of rowsOf(field(value, 'Devices'))) {
    const id = text(row, 'PNPDeviceID');
    const name = text(row, 'Name');
    if (id === null || name === null) continue;
    const usb = USB_IDS.exec(id);
    cameras.push({
      id,
      name,
      driver: text(row, 'Service'),
      transport: transportOf(id),
      usb: usb ? { vendorId: (usb[1] ?? '').toLowerCase(), productId: (usb[2] ?? '').toLowerCase() } : null,
    });
  }
  const seen = new Set<string>();
  for (const row of rowsOf(field(value, 'DirectShow'))) {
    const clsid = text(row, 'CLSID');
    const name = text(row, 'FriendlyName');
    if (clsid === null || name === null || seen.has(clsid.toUpperCase())) continue;
    seen.add(clsid.toUpperCase());
    cameras.push({
      id: `dshow:${clsid}`,
      name,
      driver: 'DirectShow source',
      transport: 'virtual',
      usb: null,
    });
  }
  return cameras;
}
