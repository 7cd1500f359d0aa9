import { fuseWireV1, type FuseState, type FuseWire } from '../../contract/fuses';

/** Electron marks its fuse wire with this string; the version byte, the length byte and the fuses follow. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const STATES: Record<number, FuseState> = { 0x30: 'disabled', 0x31: 'enabled', 0x72: 'removed' };

/**
 * Every fuse wire in an Electron binary, in file order: one, or two in a universal macOS build (one
 * per slice, and both must be hardened). Empty when the bytes hold no sentinel: not Electron.
 */
export function parseFuseWires(binary: Buffer): FuseWire[] {
  const wires: FuseWire[] = [];
  for (let at = binary.indexOf(FUSE_SENTINEL); at >= 0; at = binary.indexOf(FUSE_SENTINEL, at + 1)) {
    const header = at + FUSE_SENTINEL.length;
    const version = binary[header];
    const length = binary[header + 1];
    if (version === undefined || length === undefined || header + 2 + length > binary.length) {
      throw new Error('the fuse wire is cut short: the binary ends inside it');
    }
    const fuses: Record<string, FuseState> = {};
    for (let i = 0; i < length; i++) {
      const name = version === 1 ? (fuseWireV1[i] ?? `fuse${i}`) : `fuse${i}`;
      fuses[name] = STATES[binary[header + 2 + i] as number] ?? 'unknown';
    }
    wires.push({ version, fuses });
  }
  return wires;
}
