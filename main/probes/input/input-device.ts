import { z } from 'zod';

/**
 * Where an input device comes from, judged by where the kernel put it: `software` is an input
 * device with no hardware parent (/sys/devices/virtual/input: uinput, which any program with
 * access to /dev/uinput can create), `uhid` a HID device made by a program through /dev/uhid
 * (BlueZ does this for Bluetooth LE keyboards), `usbip` one behind a USB/IP virtual host
 * controller (the device is plugged into another computer), `hardware` everything else.
 */
export const InputAttachment = z.enum(['hardware', 'software', 'uhid', 'usbip']);
export type InputAttachment = z.infer<typeof InputAttachment>;

/** An input device (/sys/class/input/inputN): what it says it is and what it can send. */
export const InputDevice = z.object({
  /** As its creator named it; every field here but `attachment` is chosen by the creator. */
  name: z.string().max(128),
  /** The bus its id claims (usb, bluetooth, virtual, i8042…; linux/input.h BUS_*). */
  bus: z.string().max(16),
  vendorId: z.string().max(8),
  productId: z.string().max(8),
  attachment: InputAttachment,
  /** It can type text: it declares the letter keys. */
  keyboard: z.boolean(),
  /** It can move a pointer: relative (a mouse) or absolute (a tablet, touch screen or KVM cursor). */
  pointer: z.enum(['relative', 'absolute']).nullable(),
});
export type InputDevice = z.infer<typeof InputDevice>;
