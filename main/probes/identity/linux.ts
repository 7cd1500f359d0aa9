import { createHash } from 'node:crypto';
import type { IdentityClaims } from '../../contract/identity';
import type { Host } from '../host';
import { claimsFromLinux, LINUX_IDENTITY_FILES } from './parse-linux';
import { errorCode, type Reading } from './reading';

/** Disks that are not hardware: loop devices, RAM disks, device-mapper and zram. */
const VIRTUAL_BLOCK = /^(loop|ram|zram|dm-|md|sr)/;

async function read(host: Host, path: string): Promise<Reading> {
  try {
    return { text: await host.readText(path) };
  } catch (error) {
    return { error: errorCode(error) };
  }
}

/** node-machine-id reads the first of these and hashes it with sha256; we do the same through the host. */
async function machineIdHash(host: Host): Promise<{ value: string; source: string } | null> {
  for (const path of ['/var/lib/dbus/machine-id', '/etc/machine-id']) {
    const reading = await read(host, path);
    if ('text' in reading && reading.text.trim() !== '') {
      const id = reading.text.split('\n')[0]?.replace(/\s+/g, '').toLowerCase() ?? '';
      return { value: createHash('sha256').update(id).digest('hex'), source: `sha256(${path})` };
    }
  }
  return null;
}

export async function readLinuxIdentity(host: Host): Promise<IdentityClaims> {
  const files = Object.fromEntries(
    await Promise.all(LINUX_IDENTITY_FILES.map(async (p) => [p, await read(host, p)] as const)),
  );
  const blocks = (await host.list('/sys/block').catch(() => [])).filter((b) => !VIRTUAL_BLOCK.test(b));
  const disks = await Promise.all(
    blocks.map(async (name) => ({
      name,
      model: await read(host, `/sys/block/${name}/device/model`),
      serial: await read(host, `/sys/block/${name}/device/serial`),
    })),
  );
  const interfaces = await host.list('/sys/class/net').catch(() => []);
  const physical = await Promise.all(
    interfaces.map(async (name) =>
      (await host.readLink(`/sys/class/net/${name}/device`).catch(() => null)) ? name : null,
    ),
  );
  const macs = await Promise.all(
    physical
      .filter((n): n is string => n !== null)
      .map(async (name) => ({ name, address: await read(host, `/sys/class/net/${name}/address`) })),
  );
  return claimsFromLinux({ files, machineIdHash: await machineIdHash(host), disks, macs });
}
