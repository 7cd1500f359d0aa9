// Bundles the electron-builder hooks (TypeScript in build/hooks) to ESM that electron-builder imports.
import { build } from 'esbuild';

await build({
  entryPoints: { 'after-pack': 'build/hooks/after-pack.ts', 'after-sign': 'build/hooks/after-sign.ts' },
  outdir: 'out/build',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
