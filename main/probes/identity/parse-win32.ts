import { z } from 'zod';
import type { Claim, IdentityClaims } from '../../contract/identity';

/** ConvertTo-Json writes a single object where a list had one item: accept both. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v: unknown): unknown[] =>
      v === null || v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v],
    z.array(item),
  );
const text = z.string().nullish();

const WindowsIdentity = z.object({
  bios: z.object({ SerialNumber: text }).nullish(),
  product: z.object({ UUID: text, Vendor: text, Name: text }).nullish(),
  board: z.object({ Manufacturer: text, Product: text }).nullish(),
  disks: list(z.object({ Model: text, SerialNumber: text })),
  nics: list(z.object({ Name: text, MACAddress: text })),
  cpu: list(z.object({ Name: text })),
  system: z.object({ TotalPhysicalMemory: z.number().nullish() }).nullish(),
  tpm: z.object({ SpecVersion: text }).nullish(),
  tpmError: text,
});

/** Firmware placeholders that many OEMs leave in place of a real serial or UUID. */
const PLACEHOLDER =
  /^(to be filled by o\.e\.m\.|default string|system serial number|none|0+|f{8}-f{4}-f{4}-f{4}-f{12}|0{8}-0{4}-0{4}-0{4}-0{12})$/i;

function claim(value: string | number | null | undefined, source: string, why = 'not reported'): Claim {
  const clean = typeof value === 'string' ? value.trim() : value;
  if (clean === undefined || clean === null || clean === '') return { value: null, source, unavailable: why };
  if (typeof clean === 'string' && PLACEHOLDER.test(clean))
    return { value: null, source, unavailable: `firmware placeholder "${clean}"` };
  return { value: clean, source };
}

/** The JSON our PowerShell identity script prints (see win32.ts). */
export function claimsFromWindows(json: string, machineId: string | null): IdentityClaims {
  const w = WindowsIdentity.parse(JSON.parse(json));
  const tpmVersion = w.tpm?.SpecVersion?.split(',')[0]?.trim();
  return {
    machineId: claim(machineId, 'node-machine-id (sha256 of MachineGuid)'),
    serial: claim(w.bios?.SerialNumber, 'Win32_BIOS.SerialNumber'),
    productUuid: claim(w.product?.UUID, 'Win32_ComputerSystemProduct.UUID'),
    vendor: claim(w.product?.Vendor, 'Win32_ComputerSystemProduct.Vendor'),
    model: claim(w.product?.Name, 'Win32_ComputerSystemProduct.Name'),
    board: claim([w.board?.Manufacturer, w.board?.Product].filter(Boolean).join(' '), 'Win32_BaseBoard'),
    disks: {
      value: w.disks
        .map((d) => `${d.Model?.trim() ?? 'unknown model'} (${d.SerialNumber?.trim() || 'no serial'})`)
        .sort(),
      source: 'Win32_DiskDrive',
    },
    macs: {
      value: w.nics
        .map((n) => n.MACAddress?.toLowerCase().replace(/-/g, ':'))
        .filter((m): m is string => !!m)
        .sort(),
      source: 'Win32_NetworkAdapter (PhysicalAdapter)',
    },
    cpuModel: claim(w.cpu[0]?.Name, 'Win32_Processor.Name'),
    memoryBytes: claim(w.system?.TotalPhysicalMemory, 'Win32_ComputerSystem.TotalPhysicalMemory'),
    tpm: w.tpm
      ? { value: tpmVersion ? `TPM ${tpmVersion}` : 'TPM', source: 'Win32_Tpm.SpecVersion' }
      : w.tpmError
        ? { value: null, source: 'Win32_Tpm', unavailable: `needs administrator (${w.tpmError})` }
        : { value: false, source: 'Win32_Tpm' },
  };
}
