import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createHire } from '../hr/hr-client';
import { serverUrl } from './server-url';
import { UsageError } from './usage-error';
import { whyUnreadable } from './why-unreadable';

export const hireUsage =
  'hireproof hire create --server URL --name NAME --email EMAIL --photo FILE [--serial S] [--asset-tag T] [--external-id ID] [--json]   (HIREPROOF_ADMIN_TOKEN)';

/** `hireproof hire create`: HR's side from the command line; prints the one-time enrolment code. */
export async function hireCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'create') throw new UsageError(`usage: ${hireUsage}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      server: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      photo: { type: 'string' },
      serial: { type: 'string' },
      'asset-tag': { type: 'string' },
      'external-id': { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const token = process.env.HIREPROOF_ADMIN_TOKEN;
  if (!token)
    throw new UsageError('set HIREPROOF_ADMIN_TOKEN to an HR API token (hireproof admin token create)');
  if (!values.name || !values.email || !values.photo)
    throw new UsageError('--name, --email and --photo are required');
  const photo = await readFile(values.photo).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read --photo ${values.photo}: ${whyUnreadable(e)}`);
  });
  if (photo.length === 0)
    throw new UsageError(`--photo ${values.photo} is empty: give the hire's ID photo (JPEG or PNG)`);
  const expectedDevice =
    values.serial || values['asset-tag']
      ? { serial: values.serial, assetTag: values['asset-tag'] }
      : undefined;
  const hire = await createHire(serverUrl(values.server), token, {
    name: values.name,
    email: values.email,
    idPhoto: photo.toString('base64'),
    ...(expectedDevice ? { expectedDevice } : {}),
    ...(values['external-id'] ? { externalId: values['external-id'] } : {}),
  });
  const invited = hire.invitation
    ? `Invitation with the code queued for ${hire.invitation.to} (the hire's page shows the mail server's answer)\n`
    : '';
  process.stdout.write(
    values.json
      ? JSON.stringify(hire, null, 2) + '\n'
      : `Hire ${hire.id}\nEnrolment code ${hire.code} (shown once; expires ${hire.codeExpiresAt})\n${invited}`,
  );
  return 0;
}
