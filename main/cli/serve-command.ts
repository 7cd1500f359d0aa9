import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultHttpLimits } from '../../server/http/connections';
import { startServer } from '../../server/start-server';
import { ServerPolicy } from '../../server/server-policy';
import { defaultDataDir } from '../data/data-dir';
import { UsageError } from './usage-error';
import { whyUnreadable } from './why-unreadable';

export const serveUsage =
  'hireproof serve [--port 8080] [--host 127.0.0.1] [--data DIR] [--database URL] [--policy FILE] [--device-rate PER_MINUTE] [--address-rate PER_MINUTE] [--connections-per-address N] [--trust-proxy ADDRESS[,CIDR…]] [--demo]';

async function loadServerPolicy(path: string | undefined): Promise<ServerPolicy | undefined> {
  if (!path) return undefined;
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read policy ${path}: ${whyUnreadable(e)}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`policy ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ServerPolicy.safeParse(json);
  if (!parsed.success)
    throw new UsageError(`policy ${path} is invalid: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return parsed.data;
}

/** `hireproof serve`: the HR service, on an embedded SQLite file unless --database names PostgreSQL. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      policy: { type: 'string' },
      'device-rate': { type: 'string' },
      'address-rate': { type: 'string' },
      'connections-per-address': { type: 'string' },
      'trust-proxy': { type: 'string' },
      demo: { type: 'boolean' },
    },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${values.port} is not a port number`);
  const whole = (flag: 'device-rate' | 'address-rate' | 'connections-per-address', fallback: number) => {
    const value = Number(values[flag] ?? fallback);
    if (!Number.isInteger(value) || value < 1)
      throw new UsageError(`--${flag} ${values[flag]} is not a positive whole number`);
    return value;
  };
  const trustProxy = (values['trust-proxy'] ?? process.env.HIREPROOF_TRUST_PROXY ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of trustProxy)
    if (
      !isIP(entry.split('/')[0] ?? '') ||
      (entry.includes('/') && !/^\d{1,3}$/.test(entry.split('/')[1] ?? ''))
    )
      throw new UsageError(`--trust-proxy ${entry} is not an address or a CIDR range`);
  const dataDir = values.data ?? `${defaultDataDir()}-server`;
  const server = await startServer({
    port,
    host: values.host,
    dataDir,
    databaseUrl: values.database ?? process.env.HIREPROOF_DATABASE_URL,
    adminToken: process.env.HIREPROOF_ADMIN_TOKEN,
    photoKey: process.env.HIREPROOF_PHOTO_KEY,
    oidcClientSecret: process.env.HIREPROOF_OIDC_CLIENT_SECRET,
    smtpUrl: process.env.HIREPROOF_SMTP_URL,
    policy: await loadServerPolicy(values.policy),
    logger: true,
    devicePerMinute: whole('device-rate', 60),
    addressPerMinute: whole('address-rate', 60),
    http: { perAddress: whole('connections-per-address', defaultHttpLimits.perAddress) },
    trustProxy,
    demo: values.demo ?? false,
  });
  process.stderr.write(`HireProof HR service on ${server.url} (database: ${server.database})\n`);
  if (values.demo)
    process.stderr.write(
      'Demo mode: fixture machines (--sysroot) and apps run from source are accepted. Never use it in production.\n',
    );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
