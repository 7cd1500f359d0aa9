import { execFileSync } from 'node:child_process';

/** The e2e suite drives what `npm run dev:browser` serves: build it once, as a user would. */
export default function setup(): void {
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-browser-shell.mjs'], { stdio: 'inherit' });
}
