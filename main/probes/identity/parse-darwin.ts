import { z } from 'zod';
import type { Claim, IdentityClaims } from '../../contract/identity';

/** `ioreg -rd1 -c IOPlatformExpertDevice`: `"Key" = "value"` or `"key" = <"value">` lines. */
export function parseIoregPlatform(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of text.matchAll(/^\s*"([^"]+)" = <?"([^"]*)">?\s*$/gm)) {
    if (match[1] !== undefined && match[2] !== undefined) fields[match[1]] = match[2];
  }
  return fields;
}

const text = z.string().optional();
const Profile = z.object({
  SPHardwareDataType: z
    .array(
      z.object({
        serial_number: text,
        platform_UUID: text,
        machine_model: text,
        model_number: text,
        chip_type: text,
        cpu_type: text,
        physical_memory: text,
      }),
    )
    .default([]),
  SPNVMeDataType: z
    .array(
      z.object({
        _items: z.array(z.object({ _name: text, device_model: text, device_serial: text })).default([]),
      }),
    )
    .default([]),
  SPiBridgeDataType: z.array(z.object({ ibridge_model_name: text })).default([]),
});

const MEMORY = /^(\d+(?:\.\d+)?) (GB|TB|MB)$/;
/** Apple's virtual machines: their "Apple M… (Virtual)" chip lends them no Secure Enclave of a laptop. */
const VIRTUAL_MAC = /^VirtualMac/;
/** What system_profiler says when it cannot name the chip (asked from a Rosetta process in a VM). */
const UNNAMED_CHIP = 'Unknown';
const UNIT: Record<string, number> = { MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 };

function claim(
  value: string | number | string[] | boolean | null | undefined,
  source: string,
  why = 'not reported',
): Claim {
  return value === undefined || value === null || value === ''
    ? { value: null, source, unavailable: why }
    : { value, source };
}

/** Identity from ioreg, `system_profiler -json SPHardwareDataType SPNVMeDataType SPiBridgeDataType` and networksetup. */
export function claimsFromDarwin(input: {
  machineId: string | null;
  ioreg: string;
  profile: string;
  hardwarePorts: string;
}): IdentityClaims {
  const platform = parseIoregPlatform(input.ioreg);
  const profile = Profile.parse(JSON.parse(input.profile));
  const hardware = profile.SPHardwareDataType[0] ?? {};
  const disks = profile.SPNVMeDataType.flatMap((controller) =>
    controller._items.map(
      (d) => `${d.device_model ?? d._name ?? 'unknown model'} (${d.device_serial ?? 'no serial'})`,
    ),
  );
  const memory = MEMORY.exec(hardware.physical_memory ?? '');
  const chip = [hardware.chip_type, hardware.cpu_type].find((c) => c !== undefined && c !== UNNAMED_CHIP);
  const virtual = [platform.model, hardware.machine_model].some(
    (m) => m !== undefined && VIRTUAL_MAC.test(m),
  );
  const t2 = profile.SPiBridgeDataType.some((b) => b.ibridge_model_name !== undefined);
  const macs = [...input.hardwarePorts.matchAll(/^Ethernet Address: ([0-9a-f:]{17})$/gim)]
    .map((m) => (m[1] ?? '').toLowerCase())
    .sort();
  return {
    machineId: claim(input.machineId, 'node-machine-id (sha256 of IOPlatformUUID)'),
    serial: claim(
      platform.IOPlatformSerialNumber ?? hardware.serial_number,
      'IOPlatformExpertDevice.IOPlatformSerialNumber',
    ),
    productUuid: claim(
      platform.IOPlatformUUID ?? hardware.platform_UUID,
      'IOPlatformExpertDevice.IOPlatformUUID',
    ),
    vendor: claim(platform.manufacturer, 'IOPlatformExpertDevice.manufacturer'),
    model: claim(platform.model ?? hardware.machine_model, 'IOPlatformExpertDevice.model'),
    board: claim(platform['board-id'] ?? hardware.model_number, 'IOPlatformExpertDevice.board-id'),
    disks: { value: disks.sort(), source: 'system_profiler SPNVMeDataType' },
    macs: { value: macs, source: 'networksetup -listallhardwareports' },
    cpuModel: claim(chip, 'system_profiler SPHardwareDataType'),
    memoryBytes: claim(
      memory ? Math.round(Number(memory[1]) * (UNIT[memory[2] ?? 'GB'] ?? 1)) : null,
      'system_profiler SPHardwareDataType',
    ),
    tpm: {
      value: virtual
        ? false
        : chip?.startsWith('Apple')
          ? `Secure Enclave (${chip})`
          : t2
            ? 'Secure Enclave (T2)'
            : false,
      source: 'system_profiler SPHardwareDataType SPiBridgeDataType',
    },
  };
}
