// Bundles the headless `hireproof` command so it runs on plain Node 20, without Electron, and the
// face worker thread it starts (a worker runs a file of its own).
import { build } from 'esbuild';

await build({
  entryPoints: {
    'cli/hireproof': 'main/cli/hireproof.ts',
    'face/face-worker': 'main/face/face-worker.ts',
    'db/checkpoint-worker': 'server/db/checkpoint-worker.ts',
    'reports/judge-worker': 'server/reports/judge-worker.ts',
  },
  outdir: 'out',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Commands are loaded on demand: each becomes a chunk of its own.
  splitting: true,
  chunkNames: 'cli/chunks/[name]-[hash]',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// `serve` hosts the HR dashboard, so whatever builds the command builds the page too.
await import('./build-dashboard.mjs');
