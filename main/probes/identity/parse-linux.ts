import type { Claim, IdentityClaims } from '../../contract/identity';
import { textOf, type Reading } from './reading';

export interface LinuxIdentityReadings {
  files: Record<string, Reading>;
  /** sha256 of the machine id, hashed by the reader exactly as node-machine-id does. */
  machineIdHash: { value: string; source: string } | null;
  disks: { name: string; model: Reading; serial: Reading }[];
  macs: { name: string; address: Reading }[];
}

const DMI = '/sys/class/dmi/id';
export const TPM_VERSION = '/sys/class/tpm/tpm0/tpm_version_major';

export const LINUX_IDENTITY_FILES = [
  ...[
    'product_serial',
    'product_uuid',
    'sys_vendor',
    'product_name',
    'product_version',
    'board_vendor',
    'board_name',
  ].map((f) => `${DMI}/${f}`),
  '/proc/cpuinfo',
  '/proc/meminfo',
  TPM_VERSION,
];

function fileClaim(readings: LinuxIdentityReadings, path: string): Claim {
  const reading = readings.files[path];
  const value = textOf(reading);
  if (value !== null) return { value, source: path };
  if (reading && 'error' in reading) {
    const why =
      reading.error === 'EACCES' || reading.error === 'EPERM'
        ? 'readable by root only'
        : reading.error === 'ENOENT'
          ? 'not present on this machine'
          : `unreadable (${reading.error})`;
    return { value: null, source: path, unavailable: why };
  }
  return { value: null, source: path, unavailable: 'empty' };
}

function joined(readings: LinuxIdentityReadings, paths: string[]): Claim {
  const parts = paths.map((p) => textOf(readings.files[p])).filter((v): v is string => v !== null);
  const source = paths.join(' + ');
  return parts.length > 0
    ? { value: parts.join(' '), source }
    : { value: null, source, unavailable: 'no DMI data on this machine' };
}

export function cpuModelOf(cpuinfo: string | null): string | null {
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo ?? '')?.[1]?.trim() ?? null;
}

export function memoryBytesOf(meminfo: string | null): number | null {
  const kb = /^MemTotal:\s+(\d+) kB$/m.exec(meminfo ?? '')?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

const NO_MAC = /^(00:){5}00$/;

/** Builds every claim from what the Linux reader found; a claim it could not read says why. */
export function claimsFromLinux(readings: LinuxIdentityReadings): IdentityClaims {
  const cpu = cpuModelOf(textOf(readings.files['/proc/cpuinfo']));
  const memory = memoryBytesOf(textOf(readings.files['/proc/meminfo']));
  const tpmMajor = textOf(readings.files[TPM_VERSION]);
  return {
    machineId: readings.machineIdHash
      ? { value: readings.machineIdHash.value, source: readings.machineIdHash.source }
      : { value: null, source: '/etc/machine-id', unavailable: 'no machine id on this system' },
    serial: fileClaim(readings, `${DMI}/product_serial`),
    productUuid: fileClaim(readings, `${DMI}/product_uuid`),
    vendor: fileClaim(readings, `${DMI}/sys_vendor`),
    model: joined(readings, [`${DMI}/product_name`, `${DMI}/product_version`]),
    board: joined(readings, [`${DMI}/board_vendor`, `${DMI}/board_name`]),
    disks: {
      value: readings.disks
        .map((d) => `${d.name}: ${textOf(d.model) ?? 'unknown model'} (${textOf(d.serial) ?? 'no serial'})`)
        .sort(),
      source: '/sys/block/*/device/{model,serial}',
    },
    macs: {
      value: readings.macs
        .map((m) => textOf(m.address))
        .filter((a): a is string => a !== null && !NO_MAC.test(a))
        .sort(),
      source: '/sys/class/net/*/address (interfaces with a device)',
    },
    cpuModel: cpu
      ? { value: cpu, source: '/proc/cpuinfo' }
      : { value: null, source: '/proc/cpuinfo', unavailable: 'no model name' },
    memoryBytes: memory
      ? { value: memory, source: '/proc/meminfo' }
      : { value: null, source: '/proc/meminfo', unavailable: 'no MemTotal' },
    tpm: { value: tpmMajor ? `TPM ${tpmMajor}.0` : false, source: TPM_VERSION },
  };
}
