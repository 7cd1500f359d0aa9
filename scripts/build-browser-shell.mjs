// Bundles the browser shell (development and tests only, never shipped): the Node server beside
// out/renderer, and the page script that stands in for the preload.
import { build } from 'esbuild';

await Promise.all([
  build({
    entryPoints: ['main/browser-shell/serve.ts'],
    outfile: 'out/browser-shell/serve.mjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  }),
  build({
    entryPoints: ['main/browser-shell/page-bridge.ts'],
    outfile: 'out/browser-shell/bridge.js',
    bundle: true,
    platform: 'browser',
    target: 'chrome130',
    format: 'iife',
    minify: true,
    logLevel: 'warning',
  }),
]);
