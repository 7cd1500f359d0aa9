import { ipcEvents, type IpcEvent, type IpcEventPayload } from '../contract/ipc';

/** How a service tells the renderer something happened (check progress…), whatever the transport. */
export type EmitEvent = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

/** Checks the payload against the contract before any transport sends it. */
export function contractEmitter(send: (event: IpcEvent, payload: unknown) => void): EmitEvent {
  return (event, payload) => send(event, ipcEvents[event].parse(payload));
}
