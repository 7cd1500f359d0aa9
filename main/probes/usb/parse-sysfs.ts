/** Checks on the text of USB sysfs attributes: a device picks these values, so they are validated. */

export function parseUsbId(name: string, text: string | null): { value: string; error: string | null } {
  if (text === null) return { value: '', error: `${name} is missing` };
  return /^[0-9a-f]{4}$/i.test(text)
    ? { value: text.toLowerCase(), error: null }
    : { value: '', error: `${name} is not four hex digits: ${JSON.stringify(text.slice(0, 40))}` };
}

/** bDeviceClass, bInterfaceClass and friends: two hex digits. */
export function parseUsbClass(
  name: string,
  text: string | null,
): { value: number | null; error: string | null } {
  if (text === null) return { value: null, error: null };
  return /^[0-9a-f]{2}$/i.test(text)
    ? { value: parseInt(text, 16), error: null }
    : { value: null, error: `${name} is not two hex digits: ${JSON.stringify(text.slice(0, 40))}` };
}

/** Device folders are usbN (a root hub) or bus-port[.port…]; interfaces add :config.interface. */
export const USB_DEVICE = /^(usb\d+|\d+-\d+(\.\d+)*)$/;
export const USB_INTERFACE = /^\d+-[\d.]+:\d+\.\d+$/;
