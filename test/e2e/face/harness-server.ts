import { build } from 'esbuild';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.jpg': 'image/jpeg',
};

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the face-step harness with esbuild and serves it from 127.0.0.1 with everything it loads:
 * face-api's models, tfjs's .wasm files and the committed face photos. Nothing comes from the network.
 * Cross-origin isolation (the default) lets tfjs use its multi-threaded WASM build; without it tfjs
 * runs single-threaded.
 */
export async function startHarnessServer({ isolated = true } = {}): Promise<HarnessServer> {
  const out = await mkdtemp(join(tmpdir(), 'face-harness-'));
  await build({
    entryPoints: [join(here, 'harness.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(out, 'harness.js'),
    logLevel: 'error',
  });
  const roots: Record<string, string> = {
    '/models/': join(packageDir('@vladmandic/face-api'), 'model'),
    '/wasm/': join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist'),
    '/faces/': join(here, '../../fixtures/faces'),
  };
  const files: Record<string, string> = {
    '/': join(here, 'harness.html'),
    '/harness.js': join(out, 'harness.js'),
  };

  const resolve = (path: string): string | null => {
    if (files[path]) return files[path];
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    if (!prefix) return null;
    const root = roots[prefix]!;
    const file = normalize(join(root, decodeURIComponent(path.slice(prefix.length))));
    return file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
  };

  const server: Server = createServer((request, response) => {
    const file = resolve(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(isolated
        ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
        : {}),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await rm(out, { recursive: true, force: true });
    },
  };
}
