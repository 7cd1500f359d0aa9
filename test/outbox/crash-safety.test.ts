import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../main/outbox/outbox';
import { bundleForNode } from '../support/bundle';

const KILLS = 300;
const TIME_LIMIT_MS = 60_000;

function intact(jws: string): boolean {
  const [body = '', sum = ''] = jws.split('.');
  return createHash('sha256').update(body).digest('hex') === sum;
}

/** Runs the writer, SIGKILLs it `afterMs` after it starts writing; returns the ids it acknowledged. */
function runAndKill(script: string, dir: string, afterMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never acknowledged.
      resolve(out.split('\n').slice(1, -1));
    });
  });
}

describe('outbox crash safety', () => {
  it(`loses no acknowledged report and lists no partial file across ${KILLS} SIGKILLs`, async () => {
    const script = await bundleForNode('test/outbox/crash-writer.ts');
    const dir = await mkdtemp(join(tmpdir(), 'hireproof-crash-'));
    const acknowledged = new Set<string>();
    const started = Date.now();
    let kills = 0;
    while (kills < KILLS && Date.now() - started < TIME_LIMIT_MS) {
      for (const id of await runAndKill(script, dir, Math.floor(Math.random() * 30))) acknowledged.add(id);
      kills += 1;
      const queued = await new Outbox(dir).queued();
      const broken = queued.filter((q) => !intact(q.jws));
      expect(broken.map((b) => b.file)).toEqual([]);
    }
    const queued = await new Outbox(dir).queued();
    const present = new Set(queued.map((q) => q.reportId));
    const lost = [...acknowledged].filter((id) => !present.has(id));
    const leftovers = (await readdir(join(dir, 'outbox'))).filter((n) => n.startsWith('.tmp-')).length;
    console.log(
      `crash test: ${kills} kills, ${acknowledged.size} reports acknowledged, ${queued.length} queued, ${lost.length} lost, ${leftovers} temp files swept`,
    );
    expect(kills).toBeGreaterThanOrEqual(100);
    expect(acknowledged.size).toBeGreaterThan(kills);
    expect(lost).toEqual([]);
    expect(await new Outbox(dir).sweep()).toBe(leftovers);
  }, 120_000);
});
