import { rowsOf, text, type JsonRow } from '../json-rows';
import { pnpIdFromCode } from '../pnp-id';
import { profilerItems, profilerToken } from '../system-profiler';
import type { DisplayInfo, Edid } from './display';

/** "unkn": the vendor macOS gives a display that announced no EDID (a dummy or virtual display). */
const UNKNOWN_VENDOR = 0x756e6b6e;

function hex(value: string | null): number | null {
  if (value === null || !/^(0x)?[0-9a-f]+$/i.test(value)) return null;
  return parseInt(value.replace(/^0x/i, ''), 16);
}

/** Displays macOS makes itself (Sidecar, AirPlay) carry a four-character code as vendor: "aapl". */
function fourCharCode(value: number): string | null {
  if (value <= 0xffffff || value > 0xffffffff) return null;
  const text = String.fromCharCode(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
  return /^[\x20-\x7e]{4}$/.test(text) ? text : null;
}

function decimal(value: string | null): number {
  return value !== null && /^\d+$/.test(value) ? Number(value) : 0;
}

/**
 * The identity system_profiler decoded from each display's EDID. It does not print the EDID bytes
 * themselves, so `sha256Block0` stays empty: a byte-for-byte match needs the raw EDID.
 */
function edidOf(display: JsonRow): { edid: Edid | null; edidError: string | null } {
  const vendor = hex(text(display, '_spdisplays_display-vendor-id'));
  const product = hex(text(display, '_spdisplays_display-product-id'));
  if (vendor === null || product === null) {
    return { edid: null, edidError: 'macOS reports no EDID vendor and product for this display' };
  }
  if (vendor === UNKNOWN_VENDOR) {
    return { edid: null, edidError: 'the display announced no EDID (macOS names its vendor "unkn")' };
  }
  const manufacturerId = pnpIdFromCode(vendor);
  const madeByMacOs = fourCharCode(vendor);
  if (manufacturerId === null && madeByMacOs !== null) {
    return {
      edid: null,
      edidError: `macOS made this display itself (vendor "${madeByMacOs}"): it has no EDID`,
    };
  }
  if (manufacturerId === null) {
    return { edid: null, edidError: `the display's vendor id ${vendor.toString(16)} is not a PNP id` };
  }
  return {
    edid: {
      manufacturerId,
      productCode: product,
      serialNumber: hex(text(display, '_spdisplays_display-serial-number')) ?? 0,
      week: decimal(text(display, '_spdisplays_display-week')),
      year: decimal(text(display, '_spdisplays_display-year')),
      monitorName: text(display, '_name'),
      serialString: text(display, 'spdisplays_display-serial-number'),
      sha256Block0: '',
    },
    edidError: null,
  };
}

/** "0x1234" and "0x1111" as system_profiler prints a GPU's PCI ids, to "1234:1111". */
function pciIdOf(gpu: JsonRow): string | null {
  const vendor = hex(text(gpu, 'spdisplays_vendor-id'));
  const device = hex(text(gpu, 'spdisplays_device-id'));
  if (vendor === null || device === null) return null;
  return `${vendor.toString(16).padStart(4, '0')}:${device.toString(16).padStart(4, '0')}`;
}

/** `system_profiler -json SPDisplaysDataType`: graphics adapters, each with its displays. */
export function displaysFromProfiler(report: unknown): DisplayInfo[] {
  const displays: DisplayInfo[] = [];
  for (const gpu of profilerItems(report, 'SPDisplaysDataType')) {
    const gpuName = text(gpu, 'sppci_model') ?? text(gpu, '_name');
    const adapterPciId = pciIdOf(gpu);
    for (const display of rowsOf(gpu.spdisplays_ndrvs)) {
      const connection = profilerToken(text(display, 'spdisplays_connection_type'), 'spdisplays');
      const type = text(display, 'spdisplays_display_type') ?? '';
      const virtual = profilerToken(text(display, 'spdisplays_virtualdevice'), 'spdisplays') === 'yes';
      const id = text(display, '_spdisplays_displayID') ?? String(displays.length + 1);
      displays.push({
        connector: `${connection ?? 'display'}-${id}`,
        builtIn: connection === 'internal' || type.includes('built-in'),
        ...edidOf(display),
        adapter: [gpuName, virtual ? 'virtual display' : null].filter(Boolean).join(', ') || null,
        adapterPciId,
      });
    }
  }
  return displays;
}
