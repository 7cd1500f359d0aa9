// Bundles the electron-builder hooks (TypeScript in build/hooks) to ESM that electron-builder imports.
// Usage: node scripts/build-hooks.mjs [OUTDIR]   (default out/build, where electron-builder.yml looks)
import { build } from 'esbuild';

await build({
  entryPoints: { 'after-pack': 'build/hooks/after-pack.ts', 'after-sign': 'build/hooks/after-sign.ts' },
  outdir: process.argv[2] ?? 'out/build',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
