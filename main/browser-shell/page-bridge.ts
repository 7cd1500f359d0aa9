// The browser shell's stand-in for the preload: the same window.hireproof, over fetch and a WebSocket.
import type { IpcEvent } from '../contract/ipc';
import { createBridge } from '../ipc/bridge';
import { EVENTS_PATH, IPC_PREFIX } from './shell-paths';

const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();
const socket = new WebSocket(`ws://${location.host}${EVENTS_PATH}`);
socket.addEventListener('message', (message) => {
  const { event, payload } = JSON.parse(String(message.data)) as { event: IpcEvent; payload: unknown };
  for (const listener of listeners.get(event) ?? []) listener(payload);
});
// Calls wait for the event socket, so no progress event of the first run is missed.
const connected = new Promise<void>((resolve) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => resolve(), { once: true });
});

window.hireproof = createBridge({
  async invoke(method, request) {
    await connected;
    const response = await fetch(`${IPC_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await response.json()) as unknown;
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => void set.delete(listener);
  },
});
