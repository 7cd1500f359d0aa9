import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceComparison } from '../../main/contract/face-decision';
import { committedFaces, noisePng, sharedFaces } from '../face/face-fixtures';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      'bin/hireproof.mjs',
      'face-compare',
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hireproof-face-'));
  await writeFile(join(dir, 'noise.png'), noisePng());
  await writeFile(join(dir, 'broken.jpg'), 'not a photo');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const obama1 = join(committedFaces, 'obama/1.jpg');
const obama3 = join(committedFaces, 'obama/3.jpg');
const biden1 = join(committedFaces, 'biden/1.jpg');

describe('hireproof face-compare', () => {
  it('reports a match as JSON with exit 0', async () => {
    const { code, stdout } = await run('--id', obama1, '--probe', obama3, '--json');
    const result = FaceComparison.parse(JSON.parse(stdout));
    expect(result.decision).toBe('match');
    expect(result.distance).toBeLessThan(result.threshold);
    expect(code).toBe(0);
  });

  it('says no-match in words with exit 1', async () => {
    const { code, stdout } = await run('--id', obama1, '--probe', biden1);
    expect(stdout).toMatch(/^no-match: distance \d\.\d+ \(match below [\d.]+, review below [\d.]+\)\n$/);
    expect(code).toBe(1);
  });

  it('gives no-face for a photo without a face, not a crash', async () => {
    const { code, stdout } = await run('--id', obama1, '--probe', join(dir, 'noise.png'), '--json');
    expect(JSON.parse(stdout)).toMatchObject({
      distance: null,
      decision: 'no-face',
      reason: 'probe: no face found',
    });
    expect(code).toBe(1);
  });

  it('exits 2 with one line for an image it cannot read or decode', async () => {
    const missing = await run('--id', obama1, '--probe', join(dir, 'absent.jpg'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `hireproof face-compare: cannot read image ${join(dir, 'absent.jpg')}: no such file\n`,
    );
    const broken = await run('--id', join(dir, 'broken.jpg'), '--probe', obama1);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^hireproof face-compare: cannot decode image .*broken\.jpg: not a decodable image/,
    );
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when --id or --probe is missing', async () => {
    const { code, stderr } = await run('--id', obama1);
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs --id ID\.jpg and --probe PHOTO\.jpg/);
  });

  it('--pairs prints one JSON line per pair in input order', async () => {
    const csv = join(dir, 'pairs.csv');
    const s006 = join(sharedFaces, 'meds_S006');
    await writeFile(
      csv,
      [
        'id,probe',
        `${obama1},${obama3}`,
        `${obama1},${biden1}`,
        'noise.png,' + obama3, // relative: found beside the CSV
        `${s006}/1.jpg,${s006}/2.jpg`,
        `"${obama3}",${biden1}`,
      ].join('\n') + '\n',
    );
    const { code, stdout } = await run('--pairs', csv);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.decision)).toEqual(['match', 'no-match', 'no-face', 'match', 'no-match']);
    expect(lines[2]).toMatchObject({
      id: 'noise.png',
      probe: obama3,
      distance: null,
      reason: 'ID photo: no face found',
    });
    for (const line of lines)
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['id', 'probe', 'distance', 'threshold']));
  });

  it('--pairs exits 2 naming a bad header, a short line or a missing image', async () => {
    const csv = join(dir, 'bad.csv');
    await writeFile(csv, 'left,right\na.jpg,b.jpg\n');
    expect((await run('--pairs', csv)).stderr).toMatch(/the first line must be the header 'id,probe'/);
    await writeFile(csv, `id,probe\n${obama1},${obama3}\n${obama1}\n`);
    const short = await run('--pairs', csv);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/bad\.csv line 3: expected two image paths 'id,probe', got 1 field/);
    await writeFile(csv, `id,probe\n${obama1},nowhere.jpg\n`);
    const missing = await run('--pairs', csv);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read image nowhere\.jpg from .*bad\.csv: not found/);
  });
});
