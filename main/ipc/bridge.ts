import {
  ipcEvents,
  ipcMethods,
  IpcReply,
  type HireproofApi,
  type IpcEvent,
  type IpcMethod,
} from '../contract/ipc';

/** How a bridge reaches main: Electron's ipcRenderer in the preload, fetch/WebSocket in the browser shell. */
export interface BridgeTransport {
  invoke(method: IpcMethod, request: unknown): Promise<unknown>;
  subscribe(event: IpcEvent, listener: (payload: unknown) => void): () => void;
}

/** A failed call, carrying the contract's error code (e.g. `ipc.bad-request`, `hr.network`). */
export class IpcCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The object on `window.hireproof`: one named function per contract method and one `on<Event>` per
 * event, built from the contract so the preload and the browser shell cannot drift apart.
 */
export function createBridge(transport: BridgeTransport): HireproofApi {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(ipcMethods) as IpcMethod[]) {
    api[method] = async (request: unknown) => {
      const reply = IpcReply.safeParse(await transport.invoke(method, request ?? {}));
      if (!reply.success) throw new IpcCallError('ipc.bad-reply', `main sent a malformed reply to ${method}`);
      if (!reply.data.ok) throw new IpcCallError(reply.data.error.code, reply.data.error.message);
      return reply.data.value;
    };
  }
  for (const event of Object.keys(ipcEvents) as IpcEvent[]) {
    api[`on${capitalise(event)}`] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, listener);
  }
  return Object.freeze(api) as HireproofApi;
}
