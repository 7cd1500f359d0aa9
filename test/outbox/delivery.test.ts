import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverQueued } from '../../main/outbox/deliver';
import { httpSender } from '../../main/outbox/http-sender';
import { Outbox } from '../../main/outbox/outbox';

type Behaviour = 'hang' | 'late-accept' | 500 | 429 | 'accept' | 'refuse';

/** A real HTTP server on loopback that misbehaves in a scripted order, then stores reports once. */
async function flakyServer(script: Behaviour[]) {
  const stored = new Map<string, number>();
  const seen: string[] = [];
  const store = (id: string) => stored.set(id, (stored.get(id) ?? 0) + 1);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const id = body.split('|')[0] ?? '';
      seen.push(id);
      const behaviour = script.shift() ?? 'accept';
      const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
      };
      if (behaviour === 'hang') return; // never answers: the client times out
      if (behaviour === 'late-accept') {
        if (!stored.has(id)) store(id);
        setTimeout(() => answer(200, { reportId: id }), 400); // stored, but the answer comes too late
        return;
      }
      if (behaviour === 500) return answer(500, { error: { code: 'internal', message: 'boom' } });
      if (behaviour === 429)
        return answer(429, { error: { code: 'rate-limited', message: 'slow down' } }, { 'retry-after': '0' });
      if (behaviour === 'refuse')
        return answer(400, { error: { code: 'report.bad-schema', message: 'checks: required' } });
      if (!stored.has(id)) store(id); // idempotent on the report id, like the HR service
      answer(200, { reportId: id });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, stored, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

describe('outbox delivery', () => {
  it('gets every report through timeouts, 500s and 429s, each stored exactly once and in order', async () => {
    const server = await flakyServer(['hang', 'late-accept', 500, 429, 'accept', 500, 'accept', 'accept']);
    close = server.close;
    const outbox = new Outbox(await mkdtemp(join(tmpdir(), 'hireproof-deliver-')));
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) await outbox.enqueue(id, `${id}|signed-report`);
    const summary = await deliverQueued(outbox, httpSender(server.url, 200), {
      deadlineMs: 20_000,
      baseDelayMs: 20,
    });
    expect(summary.delivered.map((d) => d.reportId)).toEqual(ids);
    expect(summary.remaining).toBe(0);
    expect([...server.stored.entries()]).toEqual(ids.map((id) => [id, 1]));
    // The first report was sent more than once (hang, late answer, 500, 429) but stored once.
    expect(server.seen.filter((s) => s === ids[0]).length).toBeGreaterThan(1);
    expect(await outbox.queued()).toEqual([]);
  });

  it('dead-letters a report the server refuses, keeping the reason but not the report, and moves on', async () => {
    const server = await flakyServer(['refuse', 'accept']);
    close = server.close;
    const dataDir = await mkdtemp(join(tmpdir(), 'hireproof-deliver-'));
    const outbox = new Outbox(dataDir);
    const [bad, good] = [randomUUID(), randomUUID()];
    await outbox.enqueue(bad, `${bad}|x`);
    await outbox.enqueue(good, `${good}|y`);
    const summary = await deliverQueued(outbox, httpSender(server.url), {
      deadlineMs: 5_000,
      baseDelayMs: 10,
    });
    expect(summary.deadLettered).toEqual([
      { reportId: bad, code: 'report.bad-schema', reason: 'checks: required' },
    ]);
    expect(summary.delivered.map((d) => d.reportId)).toEqual([good]);
    expect(await outbox.dead()).toEqual([
      expect.objectContaining({ reportId: bad, status: 400, code: 'report.bad-schema' }),
    ]);
    // The refused report (its face frames, if any) is not kept on the laptop.
    const kept = await readdir(join(dataDir, 'outbox'), { recursive: true });
    expect(kept.filter((f) => f.endsWith('.jws'))).toEqual([]);
  });

  it('keeps reports queued when the server is unreachable until the deadline', async () => {
    const outbox = new Outbox(await mkdtemp(join(tmpdir(), 'hireproof-deliver-')));
    const id = randomUUID();
    await outbox.enqueue(id, `${id}|z`);
    const summary = await deliverQueued(outbox, httpSender('http://127.0.0.1:9', 200), {
      deadlineMs: 300,
      baseDelayMs: 20,
    });
    expect(summary).toEqual({ delivered: [], deadLettered: [], remaining: 1 });
  });
});
