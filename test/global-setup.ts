import { execFileSync } from 'node:child_process';

/** Tests that spawn `hireproof` run the same bundle a user gets from `npm install`. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
