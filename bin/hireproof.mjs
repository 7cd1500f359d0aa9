#!/usr/bin/env node
// The CLI is bundled from main/cli by `npm install` (prepare) or `npm run build:cli`.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/hireproof.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('hireproof: not built yet; run `npm install` or `npm run build:cli` first\n');
  process.exit(2);
}
await import(bundle.href);
