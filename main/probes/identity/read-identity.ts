import type { Identity } from '../../contract/identity';
import { fingerprintOf } from '../../identity/fingerprint';
import type { Host } from '../host';
import { readDarwinIdentity } from './darwin';
import { readLinuxIdentity } from './linux';
import { readWin32Identity } from './win32';

const readers = { linux: readLinuxIdentity, darwin: readDarwinIdentity, win32: readWin32Identity };

/** The device's identity claims with their fingerprint, on whatever OS the host is. */
export async function readIdentity(host: Host): Promise<Identity> {
  const claims = await readers[host.platform](host);
  return {
    schema: 'hireproof.identity/v1',
    platform: host.platform,
    claims,
    fingerprint: fingerprintOf(claims),
  };
}
