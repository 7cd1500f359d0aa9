import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../main/checks/check';
import { RuntimeFacts } from '../../main/probes/runtime/runtime';

const run = promisify(execFile);
const has = (tool: string) =>
  run('sh', ['-c', `command -v ${tool}`]).then(
    () => true,
    () => false,
  );

/**
 * The real linux runtime probe in a real child `node` on this machine. The child is bundled first,
 * so its own command line carries no loader flags (tsx would add --import/--require).
 */
describe.runIf(process.platform === 'linux')('runtime.tamper on this machine', () => {
  let dir = '';
  let child = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-tamper-'));
    child = join(dir, 'runtime-child.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../support/runtime-child.ts', import.meta.url))],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
  }, 60_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Runs the child (under `prefix`, e.g. unshare) with extra environment; its facts and outcome. */
  async function probe(env: NodeJS.ProcessEnv = {}, prefix: string[] = []) {
    const [file = process.execPath, ...args] = [...prefix, process.execPath, child];
    const { LD_PRELOAD: _ld, NODE_OPTIONS: _no, ...clean } = process.env;
    const { stdout } = await run(file, args, { env: { ...clean, ...env } });
    const parsed = JSON.parse(stdout) as { facts: unknown; outcome: Outcome };
    return { facts: RuntimeFacts.parse(parsed.facts), outcome: parsed.outcome };
  }

  it('plain: no preload, no Node flag, the full uid map, not PID 1, no tracer', async () => {
    const { facts, outcome } = await probe();
    expect(facts.preloads).toEqual([]);
    expect(facts.nodeFlags).toEqual([]);
    expect(facts.uidMap).toEqual(['0 0 4294967295']);
    expect(facts.pid1.isSelf).toBe(false);
    expect(facts.tracer).toBeNull();
    expect(facts.processTable.kernelThreads).toBe(true);
    // This CI micro-VM's PID 1 is process_api, not an init: at most a warning.
    expect(['pass', 'warn']).toContain(outcome.status);
  });

  it('LD_PRELOAD of a shim compiled here: its path is mapped and the check fails', async (context) => {
    if (!(await has('cc'))) return context.skip('no C compiler (cc) to build the preload shim');
    const source = join(dir, 'shim.c');
    const shim = join(dir, 'libshim.so');
    await writeFile(source, 'int hireproof_test_shim = 1;\n');
    await run('cc', ['-shared', '-fPIC', '-o', shim, source]);
    const { facts, outcome } = await probe({ LD_PRELOAD: shim });
    expect(facts.preloads).toEqual([{ path: shim, source: 'env', mapped: shim }]);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toContainEqual(expect.objectContaining({ signal: 'LD_PRELOAD', name: shim }));
  });

  it('NODE_OPTIONS=--require of a script: the flag and its path appear and the check fails', async () => {
    const script = join(dir, 'hook.cjs');
    await writeFile(script, '// loaded before the app\n');
    const { facts, outcome } = await probe({ NODE_OPTIONS: `--require ${script}` });
    expect(facts.nodeFlags).toEqual([{ flag: '--require', source: 'NODE_OPTIONS', target: script }]);
    expect(outcome.status).toBe('fail');
  });

  it('unshare -Urpf --mount-proc: the partial uid map and a PID namespace of its own; fails', async (context) => {
    if (!(await has('unshare'))) return context.skip('unshare (util-linux) is not installed');
    const { facts, outcome } = await probe({}, ['unshare', '-Urpf', '--mount-proc']);
    expect(facts.uidMap).not.toEqual(['0 0 4294967295']);
    expect(facts.uidMap).toHaveLength(1);
    expect(facts.selfPid).toBe(1);
    expect(facts.pid1.isSelf).toBe(true);
    expect(facts.processTable).toEqual({ visible: 1, kernelThreads: false, onlyOwnTree: true });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence.map((row) => row.signal)).toEqual(
      expect.arrayContaining(['user namespace', 'PID namespace']),
    );
  });
});
