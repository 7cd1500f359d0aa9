import { fileURLToPath } from 'node:url';

/** The committed fixture machines (test/fixtures/sysroots/<name>, written by generate.mjs there). */
export function sysroot(name: string): string {
  return fileURLToPath(new URL(`../fixtures/sysroots/${name}`, import.meta.url));
}
