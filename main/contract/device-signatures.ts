import { z } from 'zod';
import data from '../reference/device-signatures.json';

/**
 * The device signatures HireProof ships (IP-KVMs, capture dongles, virtual cameras and displays,
 * VM tells), validated once on load. Shared by the checks and the renderer's camera picker.
 */
const Hex4 = z.string().regex(/^[0-9a-f]{4}$/, 'four lower-case hex digits');
const Verdict = z.enum(['fail', 'warn']);

const DeviceSignatures = z.object({
  kvmEdids: z.array(
    z.object({
      device: z.string(),
      image: z.string(),
      manufacturerId: z.string().length(3),
      productCode: Hex4,
      serialNumber: z.string().regex(/^[0-9a-f]{8}$/),
      monitorName: z.string(),
      serialString: z.string().nullable(),
      sha256Block0: z.string().regex(/^[0-9a-f]{64}$/),
      /** False for presets that copy a retail monitor's ids: only the exact image or its serial string counts. */
      idsAreUnique: z.boolean(),
      source: z.string(),
    }),
  ),
  kvmEdidHeuristics: z.array(
    z.object({
      device: z.string(),
      manufacturerId: z.string().length(3),
      serialNumber: z.string().optional(),
      verdict: Verdict,
      source: z.string(),
    }),
  ),
  kvmNames: z.array(z.object({ pattern: z.string(), device: z.string(), source: z.string() })),
  kvmUsb: z.array(
    z.object({
      device: z.string(),
      vendorId: Hex4,
      productId: Hex4.optional(),
      manufacturer: z.string().optional(),
      product: z.string().optional(),
      verdict: Verdict,
      why: z.string().optional(),
      source: z.string(),
    }),
  ),
  /** SCSI INQUIRY vendor/model of KVM gadgets' virtual drives ("" vendor: any). */
  gadgetStorage: z.array(
    z.object({ device: z.string(), vendor: z.string(), model: z.string(), source: z.string() }),
  ),
  /** Input devices that remote-control and input-injection tools create through uinput. */
  injectedInput: z.object({
    names: z.array(z.object({ pattern: z.string(), tool: z.string(), source: z.string() })),
    ids: z.array(z.object({ vendorId: Hex4, productId: Hex4, tool: z.string(), source: z.string() })),
    uinputSource: z.string(),
  }),
  captureDongles: z.array(
    z.object({ device: z.string(), vendorId: Hex4, productId: Hex4, source: z.string() }),
  ),
  virtualCameras: z.object({
    labels: z.array(z.string()),
    labelContains: z.string(),
    linuxModules: z.array(z.string()),
    source: z.string(),
    /** Kernel drivers that make test cameras out of nothing. */
    testDrivers: z.array(z.string()),
    testDriverSource: z.string(),
    /** Kernel drivers of TV tuners and video grabbers: video comes in from a cable, not a lens. */
    captureDrivers: z.array(z.string()),
    captureDriverSource: z.string(),
    /** The loopback relay some laptops' MIPI cameras reach applications through (Ubuntu's v4l2-relayd). */
    mipiRelay: z.object({
      /** v4l2-relayd's settings file and folder, whose CARD_LABEL names the loopback it feeds. */
      configFiles: z.tuple([z.string(), z.string()]),
      ispDrivers: z.array(z.string()),
      source: z.string(),
    }),
  }),
  virtualDisplays: z.array(
    z.object({
      device: z.string(),
      manufacturerId: z.string().length(3),
      productCode: Hex4.optional(),
      monitorName: z.string(),
      source: z.string(),
    }),
  ),
  virtualConnectors: z.object({
    connectorPattern: z.string(),
    /** Connectors of displays sent over the network (AirPlay, Sidecar): worth a human look. */
    wirelessPattern: z.string(),
    adapters: z.array(z.string()),
    /** Emulated display adapters by PCI vendor:device, for OSes that name the adapter but not its driver. */
    pciAdapters: z.array(
      z.object({ pciId: z.string().regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/), device: z.string() }),
    ),
    source: z.string(),
  }),
  vm: z.object({
    dmiPrefixes: z.array(z.string()),
    dmiSource: z.string(),
    hypervisorVendors: z.record(z.string(), z.string()),
    rootPartitionVendor: z.string(),
    cpuidSource: z.string(),
    cpuModels: z.array(z.string()),
    cpuModelSource: z.string(),
    guestDrivers: z.array(z.string()),
    guestDriverSource: z.string(),
    macOuis: z.array(
      z.object({
        prefix: z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){2}$/),
        vendor: z.string(),
        source: z.string(),
      }),
    ),
    paravirtualPci: z.array(
      z.object({ vendorId: Hex4, productId: Hex4.optional(), device: z.string(), source: z.string() }),
    ),
    emulatedSubsystemVendors: z.array(z.object({ vendorId: Hex4, device: z.string(), source: z.string() })),
    firmwareIds: z.array(z.object({ id: z.string(), device: z.string(), source: z.string() })),
  }),
});
export type DeviceSignatures = z.infer<typeof DeviceSignatures>;

export const deviceSignatures: DeviceSignatures = DeviceSignatures.parse(data);
