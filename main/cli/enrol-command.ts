import { parseArgs } from 'node:util';
import { enrolThisDevice } from '../attest/enrol-device';
import { sourceOf } from '../attest/observe-device';
import { EnrolmentCode } from '../contract/protocol';
import { readIdentity } from '../probes/identity/read-identity';
import { deviceContext } from './device-context';
import { openHost } from './open-host';
import { serverUrl } from './server-url';
import { UsageError } from './usage-error';

export const enrolUsage = 'hireproof enrol --server URL --code CODE [--data DIR] [--sysroot DIR]';

/** `hireproof enrol`: makes this device's key and binds it to a hire with HR's one-time code. */
export async function enrolCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      server: { type: 'string' },
      code: { type: 'string' },
      data: { type: 'string' },
      sysroot: { type: 'string' },
    },
    strict: true,
  });
  const server = serverUrl(values.server);
  const code = EnrolmentCode.safeParse(values.code ?? '');
  if (!code.success) throw new UsageError(`--code: ${code.error.issues[0]?.message ?? 'missing'}`);
  const { dataDir, keys } = deviceContext(values.data);
  const host = await openHost(values.sysroot);
  const enrolment = await enrolThisDevice({
    server,
    code: code.data,
    dataDir,
    keys,
    client: 'cli',
    identity: await readIdentity(host),
    observedFrom: sourceOf(host),
  });
  process.stdout.write(
    `Enrolled for ${enrolment.hireName}: device ${enrolment.deviceId}, key ${enrolment.keyThumbprint}\n`,
  );
  return 0;
}
