import { ipcChannel, ipcEventChannel, ipcMethods, type IpcMethod, type IpcReply } from '../contract/ipc';
import { isAppUrl } from '../app/app-origin';
import { dispatch, type IpcHandlers } from './dispatch';
import { contractEmitter, type EmitEvent } from './events';

/** The parts of Electron's ipcMain and its events this module uses (tests pass fakes). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrame | null }, payload: unknown) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** Only our own page's top frame may call main: not an iframe, not a page it navigated to. */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const untrusted: IpcReply = {
  ok: false,
  error: { code: 'ipc.untrusted-sender', message: 'this call did not come from the HireProof window' },
};

/** Registers one handler per contract method; returns a function that removes them all. */
export function registerIpc(ipcMain: IpcMainLike, handlers: IpcHandlers): () => void {
  const methods = Object.keys(ipcMethods) as IpcMethod[];
  for (const method of methods) {
    ipcMain.handle(ipcChannel(method), (event, payload) =>
      isTrustedSender(event.senderFrame) ? dispatch(handlers, method, payload) : untrusted,
    );
  }
  return () => methods.forEach((method) => ipcMain.removeHandler(ipcChannel(method)));
}

/** Events to one window's renderer, checked against the contract. */
export function windowEmitter(
  target: () => { send(channel: string, payload: unknown): void } | null,
): EmitEvent {
  return contractEmitter((event, payload) => target()?.send(ipcEventChannel(event), payload));
}
