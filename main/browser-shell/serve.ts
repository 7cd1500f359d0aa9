// `npm run dev:browser`: the renderer in any browser, wired to the real main-process services.
// For development and tests only; it is not part of the shipped app.
import { sourceRuntime } from '../cli/source-runtime';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { enrolCodeFromLink } from '../app/deep-link';
import { privateDir } from '../data/private-dir';
import { openHost } from '../cli/open-host';
import { serverUrl } from '../cli/server-url';
import { deviceService } from '../device/device-service';
import { fileKeyStore } from '../identity/key-store';
import type { EmitEvent } from '../ipc/events';
import { Outbox } from '../outbox/outbox';
import { startShellServer } from './shell-server';

const usage =
  'npm run dev:browser -- [--port N] [--server URL] [--data DIR] [--sysroot DIR] [--enrol-link hireproof://enrol?code=…]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      server: { type: 'string' },
      data: { type: 'string', default: '.data/browser-shell' },
      sysroot: { type: 'string' },
      'enrol-link': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port} is not a port`);
  const server = values.server ?? process.env.HIREPROOF_SERVER;
  // Fail now on a bad sysroot rather than on the first check.
  await openHost(values.sysroot);
  const dataDir = resolve(values.data);
  privateDir(dataDir);
  const here = import.meta.dirname;
  let pendingCode = values['enrol-link'] ? enrolCodeFromLink(values['enrol-link']) : null;
  if (values['enrol-link'] && !pendingCode)
    throw new Error(`--enrol-link ${values['enrol-link']} is not an enrolment link`);

  let emitToPage: EmitEvent = () => undefined;
  const service = deviceService({
    dataDir,
    // No OS keystore here: the browser shell keeps the key like the CLI does (a 0600 file).
    keys: fileKeyStore(dataDir),
    outbox: new Outbox(dataDir),
    openHost: () => openHost(values.sysroot),
    server: server ? serverUrl(server) : null,
    runtime: sourceRuntime(),
    emit: (event, payload) => emitToPage(event, payload),
  });
  const shell = await startShellServer({
    handlers: {
      ...service,
      takeEnrolLink: () => {
        const code = pendingCode;
        pendingCode = null;
        return Promise.resolve({ code });
      },
    },
    rendererDir: resolve(here, '../renderer'),
    bridgeScript: await readFile(resolve(here, 'bridge.js'), 'utf8'),
    port,
  });
  emitToPage = shell.emit;
  process.stdout.write(
    `HireProof browser shell: ${shell.url}\n  helpdesk: ${shell.url}#/helpdesk\n  data: ${dataDir}\n` +
      `  HR service: ${server ?? '(none: pass --server URL or set HIREPROOF_SERVER to enrol)'}\n` +
      (values.sysroot ? `  machine: ${values.sysroot}\n` : ''),
  );
  const stop = () => void shell.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`dev:browser: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
