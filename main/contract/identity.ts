import { z } from 'zod';

/** One thing the device says about itself, with where it was read. */
export const Claim = z.object({
  value: z.union([
    z.string().max(512),
    z.number(),
    z.boolean(),
    z.array(z.string().max(512)).max(64),
    z.null(),
  ]),
  source: z.string().max(256),
  /** Why there is no value (needs root, not on this OS…): an absent claim is never silent. */
  unavailable: z.string().max(256).optional(),
});
export type Claim = z.infer<typeof Claim>;

export const ClaimName = z.enum([
  'machineId',
  'serial',
  'productUuid',
  'vendor',
  'model',
  'board',
  'disks',
  'macs',
  'cpuModel',
  'memoryBytes',
  'tpm',
]);
export type ClaimName = z.infer<typeof ClaimName>;

export const IdentityClaims = z
  .record(ClaimName, Claim)
  .refine((claims) => ClaimName.options.every((n) => n in claims), {
    message: 'every identity claim must be present (with `unavailable` when it has no value)',
  });
export type IdentityClaims = Record<ClaimName, Claim>;

/**
 * Claims that change only when the hardware or the OS install changes. MACs, disks and memory are
 * reported and diffed, but left out: a dock, a USB NIC or an upgraded SSD is not another laptop.
 */
export const STABLE_CLAIMS: readonly ClaimName[] = [
  'machineId',
  'serial',
  'productUuid',
  'vendor',
  'model',
  'board',
];

export const Identity = z.object({
  schema: z.literal('hireproof.identity/v1'),
  platform: z.enum(['linux', 'darwin', 'win32']),
  claims: IdentityClaims,
  /** sha256 over the claims that survive reboots and updates (see STABLE_CLAIMS). */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Identity = z.infer<typeof Identity>;
