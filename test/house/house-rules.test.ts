import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../main/package-root';

// Plants the three leaks of issue #20 in the real tree (under names no one else uses) and runs the
// project's own lint and typecheck on them: each must be refused, by name.

const root = packageRoot(import.meta.url);
const tag = `planted-leak-${process.pid}`;

interface Leak {
  what: string;
  file: string;
  text: string;
  tsconfig: string;
  /** What lint says about it: the boundary rule and its message. */
  lint: RegExp;
  /** What the process's own tsconfig says about it. */
  typecheck: RegExp[];
}

const leaks: Leak[] = [
  {
    what: 'a renderer file importing the outbox and using process and Buffer',
    file: `renderer/${tag}.ts`,
    text: [
      "import { Outbox } from '../main/outbox/outbox';",
      "export const leak = [Outbox, process.env.HOME, Buffer.from('x')];",
    ].join('\n'),
    tsconfig: 'tsconfig.web.json',
    lint: /house\/process-boundary: The renderer may import only renderer\/, main\/contract\/; '..\/main\/outbox\/outbox' is main\/outbox\/outbox/,
    typecheck: [/error TS\d+: Cannot find name 'process'/, /error TS\d+: Cannot find name 'Buffer'/],
  },
  {
    what: 'a contract file importing the probes host and using document',
    file: `main/contract/${tag}.ts`,
    text: [
      "import type { Host } from '../probes/host';",
      'export const leak = (host: Host) => [host, document.title];',
    ].join('\n'),
    tsconfig: 'tsconfig.contract.json',
    lint: /house\/process-boundary: The contract may import only .*; '..\/probes\/host' is main\/probes\/host/,
    typecheck: [/error TS2584: Cannot find name 'document'/],
  },
  {
    what: 'a dashboard UI file importing node:fs',
    file: `server/dashboard/ui/${tag}.ts`,
    text: ["import { readFileSync } from 'node:fs';", 'export const leak = readFileSync;'].join('\n'),
    tsconfig: 'tsconfig.web.json',
    lint: /house\/process-boundary: The dashboard runs without Node or Electron: 'node:fs' is not there/,
    typecheck: [/error TS\d+: Cannot find (name|module) 'node:fs'/],
  },
];

const run = async (script: string, args: string[]): Promise<{ failed: boolean; output: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, script), ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { failed: false, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { failed: true, output: stdout + stderr };
  }
};

/** tsc's problems in one file, one line each. */
const linesAbout = (output: string, file: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith(file))
    .join('\n');

/** ESLint's problems in one file, as `rule: message` lines. */
const lintAbout = (output: string, file: string) =>
  (JSON.parse(output) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[])
    .filter((result) => result.filePath === join(root, file))
    .flatMap((result) => result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`))
    .join('\n');

const removeLeaks = () => Promise.all(leaks.map((leak) => rm(join(root, leak.file), { force: true })));

describe("the house's rules, enforced by lint and typecheck", () => {
  let lint: { failed: boolean; output: string };
  const typecheck = new Map<string, { failed: boolean; output: string }>();

  beforeAll(async () => {
    try {
      for (const leak of leaks) await writeFile(join(root, leak.file), `${leak.text}\n`);
      const configs = [...new Set(leaks.map((leak) => leak.tsconfig))];
      const tsc = 'node_modules/typescript/bin/tsc';
      for (const config of configs)
        typecheck.set(config, await run(tsc, ['--noEmit', '--pretty', 'false', '-p', config]));
      lint = await run('node_modules/eslint/bin/eslint.js', [
        '--format',
        'json',
        ...leaks.map((leak) => leak.file),
      ]);
    } finally {
      await removeLeaks();
    }
  }, 300_000);
  afterAll(removeLeaks);

  for (const leak of leaks) {
    it(`lint refuses ${leak.what}, naming the rule`, () => {
      expect(lint.failed).toBe(true);
      expect(lintAbout(lint.output, leak.file)).toMatch(leak.lint);
    });

    it(`${leak.tsconfig} refuses ${leak.what}`, () => {
      const result = typecheck.get(leak.tsconfig)!;
      expect(result.failed).toBe(true);
      for (const error of leak.typecheck) expect(linesAbout(result.output, leak.file)).toMatch(error);
    });
  }
});
