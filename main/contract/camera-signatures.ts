import { deviceSignatures } from './device-signatures';

export interface UsbIds {
  vendorId: string;
  productId: string;
}

const { virtualCameras, captureDongles } = deviceSignatures;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Whole words only, so "Camo" flags Reincubate Camo but not a "Camouflage" label.
const knownLabels = virtualCameras.labels.map((label) => ({
  label,
  pattern: new RegExp(`(^|[^a-z0-9])${escapeRegExp(label)}($|[^a-z0-9])`, 'i'),
}));

/** Browsers append the USB ids to a camera's label ("Integrated Camera (04f2:b6d9)"). */
export function usbIdsInLabel(label: string): UsbIds | null {
  const match = /\(([0-9a-f]{4}):([0-9a-f]{4})\)\s*$/i.exec(label);
  return match ? { vendorId: match[1]!.toLowerCase(), productId: match[2]!.toLowerCase() } : null;
}

/**
 * Why a camera is not a real, local webcam, or null if nothing marks it. Takes what any process
 * knows (the label, and USB ids when it has them), so the main process and the renderer's camera
 * picker decide the same way. Labels are trivially renamed: a null here proves nothing.
 */
export function virtualCameraReason(label: string, usb?: UsbIds | null): string | null {
  const ids = usb ?? usbIdsInLabel(label);
  if (ids) {
    const dongle = captureDongles.find(
      (d) => d.vendorId === ids.vendorId.toLowerCase() && d.productId === ids.productId.toLowerCase(),
    );
    if (dongle) {
      return `a video capture dongle posing as a webcam (${dongle.device}, ${ids.vendorId}:${ids.productId})`;
    }
  }
  const known = knownLabels.find((k) => k.pattern.test(label));
  if (known) return `a known virtual camera ("${known.label}")`;
  if (label.toLowerCase().includes(virtualCameras.labelContains)) {
    return `its name says it is ${virtualCameras.labelContains}`;
  }
  return null;
}
