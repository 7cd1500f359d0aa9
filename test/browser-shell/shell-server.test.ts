import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellServer, type ShellServer } from '../../main/browser-shell/shell-server';
import type { IpcHandlers } from '../../main/ipc/dispatch';
import { notEnrolled } from '../support/device-status';

const status = notEnrolled;

/** Raw HTTP, so the test controls the Host and Origin headers a browser would set. */
function post(url: string, path: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(new URL(path, url), { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the browser shell server', () => {
  let shell: ShellServer;
  let origin = '';
  let calls = 0;

  beforeAll(async () => {
    const root = join(await mkdtemp(join(tmpdir(), 'hireproof-shell-')), 'renderer');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><html><head><title>t</title></head></html>');
    await mkdir(join(root, 'face'));
    await writeFile(
      join(root, 'face', 'index.html'),
      '<!doctype html><html><head><title>f</title></head></html>',
    );
    const handlers = {
      getStatus: () => (calls++, Promise.resolve(status)),
    } as unknown as IpcHandlers;
    shell = await startShellServer({ handlers, rendererDir: root, bridgeScript: 'window.x=1' });
    origin = shell.url.replace(/\/$/, '');
  });
  afterAll(() => shell.close());

  const json = { 'content-type': 'application/json' };

  it('listens on 127.0.0.1 only', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with the app CSP and the page script that stands in for the preload', async () => {
    const response = await fetch(shell.url);
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'self'; script-src 'self';/,
    );
    expect(await response.text()).toContain('<head>\n    <script src="/__shell/bridge.js"></script>');
    expect(await (await fetch(`${origin}/__shell/bridge.js`)).text()).toBe('window.x=1');
  });

  it("leaves the camera step's frame without the bridge, as Electron runs no preload in a frame", async () => {
    const response = await fetch(`${origin}/face/index.html`);
    expect(response.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    expect(await response.text()).not.toContain('bridge.js');
  });

  it('answers a call from its own page through the contract', async () => {
    const reply = await post(shell.url, '/__shell/ipc/getStatus', '{}', { ...json, origin });
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: status });
  });

  it.each<[string, Record<string, string>, number]>([
    ['another origin', { origin: 'http://evil.example' }, 403],
    ['no origin', {}, 403],
    ['a rebound Host name', { origin: 'http://evil.example:1', host: 'evil.example:1' }, 403],
  ])('refuses a call from %s', async (_name, headers, code) => {
    const before = calls;
    const reply = await post(shell.url, '/__shell/ipc/getStatus', '{}', { ...json, ...headers });
    expect(reply.status).toBe(code);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(calls).toBe(before);
  });

  it('refuses what is not JSON, too big, or not a method', async () => {
    expect(
      (await post(shell.url, '/__shell/ipc/getStatus', '{}', { 'content-type': 'text/plain', origin }))
        .status,
    ).toBe(415);
    expect((await post(shell.url, '/__shell/ipc/getStatus', '{', { ...json, origin })).status).toBe(400);
    const big = JSON.stringify({ pad: 'x'.repeat(2_100_000) });
    expect((await post(shell.url, '/__shell/ipc/getStatus', big, { ...json, origin })).status).toBe(413);
    const unknown = await post(shell.url, '/__shell/ipc/deleteEverything', '{}', { ...json, origin });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'ipc.unknown-method' } });
  });

  it('sends events to its own page over the WebSocket, checked against the contract', async () => {
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/__shell/events`, { origin });
    await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
    const message = new Promise<string>((resolve) =>
      socket.once('message', (data: Buffer) => resolve(data.toString())),
    );
    shell.emit('checkProgress', {
      type: 'start',
      id: 'remote.tools',
      title: 'Remote-control software',
    });
    expect(JSON.parse(await message)).toEqual({
      event: 'checkProgress',
      payload: { type: 'start', id: 'remote.tools', title: 'Remote-control software' },
    });
    expect(() => shell.emit('checkProgress', { type: 'start' } as never)).toThrow();
    socket.close();
  });

  it('refuses a WebSocket from another origin', async () => {
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/__shell/events`, {
      origin: 'http://evil.example',
    });
    await expect(
      new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject))),
    ).rejects.toThrow();
  });
});
