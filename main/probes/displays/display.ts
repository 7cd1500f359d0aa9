import { z } from 'zod';

/** The identity a display announces in its EDID base block. */
export const Edid = z.object({
  manufacturerId: z.string().max(8),
  productCode: z.number().int(),
  serialNumber: z.number().int(),
  week: z.number().int(),
  year: z.number().int(),
  monitorName: z.string().max(64).nullable(),
  serialString: z.string().max(64).nullable(),
  /** sha256 of the 128-byte base block, to match known KVM images byte for byte. */
  sha256Block0: z.string().max(64),
});
export type Edid = z.infer<typeof Edid>;

export const DisplayInfo = z.object({
  /** Connector name as the OS spells it (eDP-1, HDMI-A-1, DISPLAY1, …). */
  connector: z.string().max(128),
  /** A panel built into the laptop (eDP/LVDS/DSI, or the OS says built-in). */
  builtIn: z.boolean(),
  edid: Edid.nullable(),
  /** Why the EDID could not be read or parsed; the display is still listed. */
  edidError: z.string().max(512).nullable(),
  /** Extra identity the OS gives without an EDID (adapter, driver, vendor/product ids). */
  adapter: z.string().max(256).nullable(),
  /** The display adapter's PCI vendor:device, where the OS prints it (macOS system_profiler). */
  adapterPciId: z
    .string()
    .regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/)
    .nullable()
    .optional(),
});
export type DisplayInfo = z.infer<typeof DisplayInfo>;
