import { field, integer, rowsOf, text, type JsonRow } from '../json-rows';
import type { DisplayInfo, Edid } from './display';

/** D3DKMDT_VIDEO_OUTPUT_TECHNOLOGY values that mean a panel inside the machine. */
const INTERNAL_OUTPUTS = new Set([0x80000000, 6 /* LVDS */, 11 /* embedded DP */, 13 /* embedded UDI */]);
const OUTPUT_NAMES: Record<number, string> = {
  [0xffffffff]: 'other',
  0: 'VGA',
  4: 'DVI',
  5: 'HDMI',
  6: 'LVDS',
  10: 'DisplayPort',
  11: 'eDP',
  15: 'Miracast',
  16: 'indirect',
  [0x80000000]: 'internal',
};

/** WmiMonitorID strings are uint16 arrays of character codes padded with zeros. */
export function wmiString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (!Array.isArray(value)) return null;
  const codes = value.filter((c): c is number => typeof c === 'number' && c > 0 && c < 0x10000);
  const decoded = String.fromCharCode(...codes).trim();
  return decoded === '' ? null : decoded;
}

function decodeBase64(value: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const EDID_HEADER = [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];

/** The raw EDID Windows keeps in the monitor's registry key, when it is a whole base block. */
function baseBlock(monitor: JsonRow): { block: Uint8Array | null; problem: string | null } {
  const encoded = text(monitor, 'EDID');
  if (encoded === null) return { block: null, problem: null };
  const bytes = decodeBase64(encoded);
  if (bytes === null) return { block: null, problem: 'the registry EDID is not base64' };
  if (bytes.length < 128)
    return { block: null, problem: `the registry EDID is ${bytes.length} bytes, not a 128-byte block` };
  if (EDID_HEADER.some((b, i) => bytes[i] !== b))
    return { block: null, problem: 'the registry EDID has no EDID header' };
  return { block: bytes.slice(0, 128), problem: null };
}

function edidOf(
  monitor: JsonRow,
  sha256: (bytes: Uint8Array) => string,
): Pick<DisplayInfo, 'edid' | 'edidError'> {
  const manufacturerId = wmiString(monitor.ManufacturerName);
  const productCode = wmiString(monitor.ProductCodeID);
  const { block, problem } = baseBlock(monitor);
  if (manufacturerId === null || productCode === null || !/^[0-9a-f]{1,4}$/i.test(productCode)) {
    return { edid: null, edidError: problem ?? 'Windows reports no EDID identity for this monitor' };
  }
  const serialString = wmiString(monitor.SerialNumberID);
  const edid: Edid = {
    manufacturerId,
    productCode: parseInt(productCode, 16),
    // Bytes 12–15, little-endian; WMI itself only gives the serial string.
    serialNumber: block
      ? ((block[12] ?? 0) | ((block[13] ?? 0) << 8) | ((block[14] ?? 0) << 16) | ((block[15] ?? 0) << 24)) >>>
        0
      : 0,
    week: integer(monitor, 'WeekOfManufacture') ?? 0,
    year: integer(monitor, 'YearOfManufacture') ?? 0,
    monitorName: wmiString(monitor.UserFriendlyName),
    serialString: serialString === '0' ? null : serialString,
    sha256Block0: block ? sha256(block) : '',
  };
  return { edid, edidError: problem };
}

/**
 * Monitors from root\wmi WmiMonitorID (+ WmiMonitorConnectionParams and the registry EDID), and
 * the display adapters from Win32_VideoController. WMI does not say which adapter drives which
 * monitor, so each monitor names every adapter; when Windows reports no monitor at all (inside an
 * RDP session, a headless VM), each adapter is listed as a display of its own without an EDID.
 */
export function displaysFromWin32(value: unknown, sha256: (bytes: Uint8Array) => string): DisplayInfo[] {
  const adapters = rowsOf(field(value, 'Adapters'))
    .map((a) => text(a, 'Name'))
    .filter((n): n is string => n !== null);
  const adapterList = adapters.length > 0 ? adapters.join(' | ') : null;
  const monitors = rowsOf(field(value, 'Monitors')).filter((m) => text(m, 'InstanceName') !== null);
  const displays: DisplayInfo[] = monitors.map((monitor) => {
    const output = integer(monitor, 'VideoOutputTechnology');
    const outputName = output === null ? null : (OUTPUT_NAMES[output] ?? `output ${output}`);
    return {
      connector: `${text(monitor, 'InstanceName') ?? ''}${outputName ? ` (${outputName})` : ''}`,
      builtIn: output !== null && INTERNAL_OUTPUTS.has(output),
      ...edidOf(monitor, sha256),
      adapter: adapterList,
    };
  });
  if (displays.length === 0) {
    for (const adapter of rowsOf(field(value, 'Adapters'))) {
      const name = text(adapter, 'Name');
      if (name === null) continue;
      displays.push({
        connector: text(adapter, 'PNPDeviceID') ?? name,
        builtIn: false,
        edid: null,
        edidError: 'Windows reports no monitor on this display adapter',
        adapter: name,
      });
    }
  }
  return displays;
}
