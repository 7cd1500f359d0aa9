import { build } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bundles a TypeScript entry so a test can run it as a plain, quick-starting Node child. */
export async function bundleForNode(entry: string): Promise<string> {
  const outfile = join(await mkdtemp(join(tmpdir(), 'hireproof-bundle-')), 'entry.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
