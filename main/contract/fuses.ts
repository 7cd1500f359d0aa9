import { z } from 'zod';
/**
 * Electron's fuses: switches baked into the Electron binary after a sentinel, flipped at packaging
 * time and covered by the code signature. The packaging hook writes `hardenedFuses`; the
 * app.integrity check reads the wire back from the shipped binary and compares it with the same object.
 */

/** The V1 fuse wire in wire order: position i after the header is fuse i. */
export const fuseWireV1 = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;
export type FuseName = (typeof fuseWireV1)[number];

/** How every HireProof release ships: no way to run it as plain Node or to swap its code. */
export const hardenedFuses = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Partial<Record<FuseName, boolean>>;

/** A fuse as the binary holds it: '1' enabled, '0' disabled, 'r' removed from this Electron. */
export const FuseState = z.enum(['enabled', 'disabled', 'removed', 'unknown']);
export type FuseState = z.infer<typeof FuseState>;

export const FuseWire = z.object({
  version: z.number().int(),
  /** By fuse name; positions beyond the names we know are named `fuse<i>`. */
  fuses: z.record(z.string().max(64), FuseState),
});
export type FuseWire = z.infer<typeof FuseWire>;

export interface FuseMismatch {
  fuse: FuseName;
  expected: 'enabled' | 'disabled';
  actual: FuseState | 'missing';
}

/** Every hardened fuse the wire does not hold as HireProof ships it; empty when all match. */
export function fuseMismatches(wire: FuseWire): FuseMismatch[] {
  return Object.entries(hardenedFuses).flatMap(([name, on]) => {
    const expected = on ? 'enabled' : 'disabled';
    const actual = wire.fuses[name] ?? 'missing';
    return actual === expected ? [] : [{ fuse: name as FuseName, expected, actual }];
  });
}
