import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteLinks } from '../../bench/cadence/conditions';
import { generateTrace } from '../../bench/cadence/session';
import { INPUT_TRACE_SCHEMA, traceLimits } from '../../main/contract/input-trace';

const run = promisify(execFile);
let dir: string;

async function cadence(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/hireproof.mjs', 'cadence', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('hireproof cadence', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cadence-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 and explains a local trace', async () => {
    const path = await file('human.json', generateTrace(7, { person: 'typical', link: null }));
    const { code, stdout, stderr } = await cadence(path);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^Decision: LOCAL {2}Typing, pointer and reaction timing look local/);
    expect(stdout).toMatch(/ok {4}reactionMedianMs +\d+\.\d ms +limit > 455/);
    expect(stdout).toMatch(/dwellMedianMs +\d+/);
  });

  it('exits 1 for a remote trace, and --json carries the check result', async () => {
    const path = await file('remote.json', generateTrace(7, { person: 'typical', link: remoteLinks[6]! }));
    const { code, stdout } = await cadence(path, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      decision: string;
      score: number;
      check: { id: string; status: string };
    };
    expect(report.decision).toBe('suspect');
    expect(report.score).toBeGreaterThan(1);
    expect(report.check).toMatchObject({ id: 'input.cadence', status: 'fail' });
  });

  it('exits 1 with insufficient data for an empty trace', async () => {
    const empty = { schema: INPUT_TRACE_SCHEMA, events: [], frames: [], reactions: [], truncated: false };
    const { code, stdout } = await cadence(await file('empty.json', empty));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Decision: INSUFFICIENT-DATA {2}Not enough input to judge/);
  });

  it.each([
    ['missing.json', null, /^hireproof cadence: cannot read .*missing\.json: no such file\n$/],
    ['broken.json', '{"schema":', /^hireproof cadence: .*broken\.json is not valid JSON: /],
    [
      'v2.json',
      { schema: 'hireproof.input-trace/v2' },
      /unsupported trace schema "hireproof.input-trace\/v2"/,
    ],
    [
      'nan.json',
      '{"schema":"hireproof.input-trace/v1","events":[{"type":"keydown","t":NaN}]}',
      /is not valid JSON/,
    ],
    [
      'unsorted.json',
      {
        schema: INPUT_TRACE_SCHEMA,
        events: [
          { type: 'keydown', t: 9, ts: 8, key: 'k1' },
          { type: 'keyup', t: 5, ts: 4, key: 'k1' },
        ],
        frames: [],
        reactions: [],
        truncated: false,
      },
      /invalid trace: events\.1\.t: goes backwards/,
    ],
  ])('exits 2 with one clear line for a bad file (%s)', async (name, content, message) => {
    const path = content === null ? join(dir, name) : await file(name, content);
    const { code, stdout, stderr } = await cadence(path);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, Buffer.alloc(traceLimits.fileBytes + 1, 32));
    const { code, stderr } = await cadence(path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/huge\.json is 16777217 bytes; a trace may be at most 16777216\n$/);
  });

  it('exits 2 on bad usage', async () => {
    expect((await cadence()).stderr).toMatch(
      /expected one trace file \(usage: hireproof cadence TRACE\.json \[--json\]\)/,
    );
    expect((await cadence('a.json', '--jsn')).code).toBe(2);
  });
});
