import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { IpcEvent } from '../contract/ipc';
import { FACE_PATH_PREFIX } from '../app/content-security-policy';
import { readRendererFile } from '../app/renderer-files';
import { dispatch, type IpcHandlers } from '../ipc/dispatch';
import { contractEmitter, type EmitEvent } from '../ipc/events';
import { BRIDGE_PATH, EVENTS_PATH, IPC_PREFIX } from './shell-paths';

/** A submission carries up to three face frames; nothing the contract allows is bigger. */
const MAX_BODY_BYTES = 2_000_000;

export interface ShellServer {
  url: string;
  emit: EmitEvent;
  close(): Promise<void>;
}

/**
 * The development and test stand-in for Electron's window: serves the built renderer with the same
 * headers as app://, injects a page script that puts the same `window.hireproof` on the page, and
 * carries the same IPC contract over HTTP (calls) and a WebSocket (events), on 127.0.0.1 only.
 */
export async function startShellServer(options: {
  handlers: IpcHandlers;
  rendererDir: string;
  bridgeScript: string;
  port?: number;
}): Promise<ShellServer> {
  const sockets = new Set<WebSocket>();
  const events = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  let origin = '';

  /** Only our own page may call in: the Origin and Host headers must be this server's (no rebinding). */
  const fromOurPage = (request: IncomingMessage) =>
    request.headers.origin === origin && `http://${request.headers.host ?? ''}` === origin;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `shell error: ${String(error)}`);
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'POST' && url.pathname.startsWith(IPC_PREFIX)) {
      if (!fromOurPage(request)) {
        return sendJson(response, 403, {
          ok: false,
          error: { code: 'ipc.untrusted-sender', message: 'wrong origin' },
        });
      }
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(response, 415, {
          ok: false,
          error: { code: 'ipc.bad-request', message: 'JSON only' },
        });
      }
      const body = await readBody(request);
      if (body === null) {
        return sendJson(response, 413, {
          ok: false,
          error: { code: 'ipc.bad-request', message: 'body too large' },
        });
      }
      let payload: unknown;
      try {
        payload = JSON.parse(body);
      } catch {
        return sendJson(response, 400, {
          ok: false,
          error: { code: 'ipc.bad-request', message: 'not JSON' },
        });
      }
      return sendJson(
        response,
        200,
        await dispatch(options.handlers, url.pathname.slice(IPC_PREFIX.length), payload),
      );
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'method not allowed');
    if (url.pathname === BRIDGE_PATH) {
      return send(response, 200, 'text/javascript; charset=utf-8', options.bridgeScript, {
        'content-security-policy': "default-src 'self'",
      });
    }
    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain', 'not found');
    // The bridge goes where Electron's preload would run: the app's page, not the camera step's frame.
    const isAppPage =
      file.headers['content-type']?.startsWith('text/html') && !url.pathname.startsWith(FACE_PATH_PREFIX);
    const body = isAppPage
      ? file.body.toString('utf8').replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`)
      : file.body;
    response.writeHead(200, file.headers).end(body);
  };

  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', origin).pathname !== EVENTS_PATH || !fromOurPage(request)) {
      socket.destroy();
      return;
    }
    events.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    emit: contractEmitter((event: IpcEvent, payload: unknown) => {
      const message = JSON.stringify({ event, payload });
      for (const ws of sockets) ws.send(message);
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        events.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the client gets its 413 rather than a reset.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers = {}) {
  response
    .writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers })
    .end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json', JSON.stringify(value), { 'cache-control': 'no-store' });
