import { describe, expect, it } from 'vitest';
import { busName, isKeyboard, parseBitmap, pointerKind } from '../../../main/probes/input/parse-capabilities';

describe('input capability bitmaps', () => {
  it("reads RustDesk's uinput keyboard as a keyboard (its KEY bitmap as /proc/bus/input/devices printed it)", () => {
    const key = parseBitmap('402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe');
    expect(isKeyboard({ key, rel: new Set(), abs: new Set() })).toBe(true);
    expect(key.has(0)).toBe(false);
    expect(key.has(1)).toBe(true);
  });

  it('tells a hotkey device from a keyboard, and relative from absolute pointers', () => {
    const none = new Set<number>();
    expect(isKeyboard({ key: new Set([113, 114, 115, 116]), rel: none, abs: none })).toBe(false);
    expect(pointerKind({ key: new Set([0x110]), rel: new Set([0, 1]), abs: none })).toBe('relative');
    expect(pointerKind({ key: new Set([0x110]), rel: none, abs: new Set([0, 1]) })).toBe('absolute');
    expect(pointerKind({ key: new Set([0x140, 0x14a]), rel: none, abs: new Set([0, 1, 0x18]) })).toBe(
      'absolute',
    );
    // Wacom's pad: X/Y held at 0 with express keys, nothing to press on a surface.
    expect(
      pointerKind({ key: new Set([0x100, 0x101, 0x14b]), rel: none, abs: new Set([0, 1, 0x28]) }),
    ).toBeNull();
  });

  it('reads an empty bitmap and ignores garbage words', () => {
    expect(parseBitmap('0').size).toBe(0);
    expect(parseBitmap('zz 3')).toEqual(new Set([0, 1]));
  });

  it('names buses from linux/input.h', () => {
    expect([
      busName('0003'),
      busName('0005'),
      busName('0006'),
      busName('0011'),
      busName('00ff'),
      busName('x'),
    ]).toEqual(['usb', 'bluetooth', 'virtual', 'i8042', '0x00ff', 'unknown']);
  });
});
