/**
 * Pure readers for /sys/class/input/inputN: its capability bitmaps and id/bustype.
 * A bitmap is unsigned longs in hex, most significant word first, separated by spaces
 * (drivers/input/input.c input_print_bitmap); leading zero words are left out.
 */

/** The set bits of a capability bitmap; `wordBits` is the kernel's BITS_PER_LONG. */
export function parseBitmap(text: string, wordBits = 64): Set<number> {
  const bits = new Set<number>();
  const words = text.trim().split(/\s+/).filter(Boolean).reverse();
  words.forEach((word, index) => {
    if (!/^[0-9a-f]+$/i.test(word)) return;
    const value = BigInt(`0x${word}`);
    for (let bit = 0; bit < wordBits; bit++) {
      if ((value >> BigInt(bit)) & 1n) bits.add(index * wordBits + bit);
    }
  });
  return bits;
}

// linux/input-event-codes.h
const KEY_Q = 16;
const KEY_A = 30;
const KEY_Z = 44;
const KEY_SPACE = 57;
const BTN_LEFT = 0x110;
const BTN_TOOL_PEN = 0x140;
const BTN_TOUCH = 0x14a;
const REL_X = 0;
const REL_Y = 1;
const ABS_X = 0;
const ABS_Y = 1;

export interface Capabilities {
  key: Set<number>;
  rel: Set<number>;
  abs: Set<number>;
}

/** It declares the letter keys and space: something that can type text, not a hotkey button. */
export function isKeyboard({ key }: Capabilities): boolean {
  return [KEY_Q, KEY_A, KEY_Z, KEY_SPACE].every((code) => key.has(code));
}

/** A pointer it can move, and how: relative X/Y (a mouse) or absolute X/Y with a button or touch. */
export function pointerKind({ key, rel, abs }: Capabilities): 'relative' | 'absolute' | null {
  if (rel.has(REL_X) && rel.has(REL_Y)) return 'relative';
  const pressable = key.has(BTN_LEFT) || key.has(BTN_TOUCH) || key.has(BTN_TOOL_PEN);
  return abs.has(ABS_X) && abs.has(ABS_Y) && pressable ? 'absolute' : null;
}

/** linux/input.h BUS_* by number; others are spelled as their hex id. */
const BUSES = new Map<number, string>([
  [0x01, 'pci'],
  [0x03, 'usb'],
  [0x05, 'bluetooth'],
  [0x06, 'virtual'],
  [0x11, 'i8042'],
  [0x13, 'rs232'],
  [0x18, 'i2c'],
  [0x19, 'host'],
  [0x1c, 'spi'],
  [0x1d, 'rmi'],
  [0x1f, 'intel-ishtp'],
  [0x20, 'amd-sfh'],
]);

export function busName(bustype: string | null): string {
  const value = bustype !== null && /^[0-9a-f]{1,4}$/i.test(bustype.trim()) ? parseInt(bustype, 16) : null;
  if (value === null) return 'unknown';
  return BUSES.get(value) ?? `0x${value.toString(16).padStart(4, '0')}`;
}
