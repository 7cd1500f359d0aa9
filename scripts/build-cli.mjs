// Bundles the headless `hireproof` command so it runs on plain Node 20, without Electron.
import { build } from 'esbuild';

await build({
  entryPoints: ['main/cli/hireproof.ts'],
  outfile: 'out/cli/hireproof.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
