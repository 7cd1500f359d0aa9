// Bundles the HR dashboard (React) into out/dashboard: index.html and assets/app.{js,css}. The
// server's CSP allows scripts and styles from files only, so nothing is inlined.
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

await mkdir('out/dashboard/assets', { recursive: true });
await build({
  entryPoints: [
    { in: 'server/dashboard/ui/main.tsx', out: 'app' },
    { in: 'server/dashboard/ui/dashboard.css', out: 'app' },
  ],
  outdir: 'out/dashboard/assets',
  bundle: true,
  platform: 'browser',
  target: ['chrome120', 'firefox120', 'safari17'],
  format: 'esm',
  jsx: 'automatic',
  minify: true,
  sourcemap: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
await copyFile('server/dashboard/ui/index.html', 'out/dashboard/index.html');
