import { z } from 'zod';
import {
  ipcMethods,
  isIpcMethod,
  type IpcMethod,
  type IpcReply,
  type IpcRequest,
  type IpcResponse,
} from '../contract/ipc';

/** What main does for each method, given a request that already passed the contract. */
export type IpcHandlers = {
  [M in IpcMethod]: (request: z.output<(typeof ipcMethods)[M]['request']>) => Promise<IpcResponse<M>>;
};

const failure = (code: string, message: string): IpcReply => ({ ok: false, error: { code, message } });

/** An error a service throws on purpose, with a code the UI may act on; anything else is `app.error`. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[a-z][\w.-]*$/.test(code) ? code : 'app.error';
}

/**
 * Runs one call from any transport: the method must exist, the payload must parse, and the answer
 * must match the contract before it leaves main. Never throws: every outcome is a reply.
 */
export async function dispatch(handlers: IpcHandlers, method: string, payload: unknown): Promise<IpcReply> {
  if (!isIpcMethod(method)) return failure('ipc.unknown-method', `there is no method named ${method}`);
  const request = ipcMethods[method].request.safeParse(payload);
  if (!request.success) {
    return failure('ipc.bad-request', `${method}: ${z.prettifyError(request.error).replace(/\n/g, '; ')}`);
  }
  let value: unknown;
  try {
    value = await (handlers[method] as (r: IpcRequest<IpcMethod>) => Promise<unknown>)(request.data);
  } catch (error) {
    return failure(codeOf(error), error instanceof Error ? error.message : String(error));
  }
  const response = ipcMethods[method].response.safeParse(value);
  if (!response.success) {
    return failure('ipc.bad-response', `${method} produced an answer outside the contract`);
  }
  return { ok: true, value: response.data };
}
