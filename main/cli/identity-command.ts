import { parseArgs } from 'node:util';
import type { Identity } from '../contract/identity';
import { readIdentity } from '../probes/identity/read-identity';
import { openHost } from './open-host';

export const identityUsage = 'hireproof identity [--json] [--sysroot DIR | --recorded DIR]';

function formatIdentity(identity: Identity): string {
  const rows = Object.entries(identity.claims).map(([name, claim]) => {
    const value =
      claim.value === null
        ? `(unavailable: ${claim.unavailable ?? 'unknown'})`
        : Array.isArray(claim.value)
          ? claim.value.join(', ') || '(none)'
          : String(claim.value);
    return `${name.padEnd(12)} ${value}\n${''.padEnd(12)}   from ${claim.source}`;
  });
  return `${rows.join('\n')}\n\nfingerprint  ${identity.fingerprint}\n`;
}

/** `hireproof identity`: what this device says it is, claim by claim, with where each was read. */
export async function identityCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, sysroot: { type: 'string' }, recorded: { type: 'string' } },
    strict: true,
  });
  const identity = await readIdentity(await openHost({ sysroot: values.sysroot, recorded: values.recorded }));
  process.stdout.write(values.json ? JSON.stringify(identity, null, 2) + '\n' : formatIdentity(identity));
  return 0;
}
