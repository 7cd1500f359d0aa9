import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { FUSE_SENTINEL } from '../../main/probes/app/parse-fuse-wire';

/**
 * A stock Electron 45 fuse wire, one character per fuse in wire order ('1' on, '0' off): RunAsNode,
 * NodeOptions, inspect flags and file:// privileges on; the ninth fuse is one newer than @electron/fuses 1.x knows.
 */
export const STOCK_WIRE = '101100011';

/**
 * Bytes laid out like an Electron binary around its fuse wire: machine code on both sides (here
 * pseudo-random bytes), the sentinel, version 1, the wire's length and the wire. A universal macOS
 * binary holds one such wire per architecture slice.
 */
export function fakeElectronBinary(wire = STOCK_WIRE, slices = 1): Buffer {
  const slice = () =>
    Buffer.concat([
      noise(4096),
      Buffer.from(FUSE_SENTINEL, 'latin1'),
      Buffer.from([1, wire.length]),
      Buffer.from(wire, 'latin1'),
      noise(4096),
    ]);
  return Buffer.concat(Array.from({ length: slices }, slice));
}

let seed = 7;
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed >> 16;
  }
  return bytes;
}

/** A folder for one test, removed when the test ends. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `hireproof-${prefix}-`));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function writeFileIn(root: string, path: string, data: Buffer | string): Promise<string> {
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, data);
  return full;
}
