import { describe, expect, it } from 'vitest';
import { ipcEvents, ipcMethods, type CheckProgress, type IpcEvent } from '../../main/contract/ipc';
import { createBridge, IpcCallError } from '../../main/ipc/bridge';
import { dispatch, type IpcHandlers } from '../../main/ipc/dispatch';

describe('the bridge on window.hireproof', () => {
  it('has one named function per contract method and one on<Event> per event, nothing else', () => {
    const api = createBridge({ invoke: () => Promise.resolve(null), subscribe: () => () => undefined });
    const names = Object.keys(api).sort();
    const expected = [
      ...Object.keys(ipcMethods),
      ...Object.keys(ipcEvents).map((e) => `on${e[0]?.toUpperCase()}${e.slice(1)}`),
    ].sort();
    expect(names).toEqual(expected);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("carries a call to main's dispatcher and throws its refusals as errors with the code", async () => {
    const handlers = {
      takeEnrolLink: () => Promise.resolve({ code: 'ABCD-EFGH-JKMN-PQRS' }),
    } as unknown as IpcHandlers;
    const api = createBridge({
      invoke: (method, request) => dispatch(handlers, method, request),
      subscribe: () => () => undefined,
    });
    expect(await api.takeEnrolLink({})).toEqual({ code: 'ABCD-EFGH-JKMN-PQRS' });
    const refused = api.enrol({ code: 'nope' });
    await expect(refused).rejects.toBeInstanceOf(IpcCallError);
    await expect(refused).rejects.toMatchObject({ code: 'ipc.bad-request' });
  });

  it('refuses a reply that is not an IPC reply', async () => {
    const api = createBridge({
      invoke: () => Promise.resolve({ hacked: true }),
      subscribe: () => () => undefined,
    });
    await expect(api.getStatus({})).rejects.toMatchObject({ code: 'ipc.bad-reply' });
  });

  it('subscriptions return an unsubscribe', () => {
    const listeners = new Map<IpcEvent, Set<(p: unknown) => void>>();
    const api = createBridge({
      invoke: () => Promise.resolve(null),
      subscribe: (event, listener) => {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener);
        return () => void set.delete(listener);
      },
    });
    const seen: CheckProgress[] = [];
    const stop = api.onCheckProgress((e) => seen.push(e));
    const fire = (p: CheckProgress) => listeners.get('checkProgress')?.forEach((l) => l(p));
    fire({ type: 'start', id: 'remote.tools', title: 'x' });
    stop();
    fire({ type: 'start', id: 'remote.ports', title: 'y' });
    expect(seen).toHaveLength(1);
  });
});
