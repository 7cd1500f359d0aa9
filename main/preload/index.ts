// The preload (sandboxed, CommonJS): one named function per contract entry on window.hireproof.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, ipcEventChannel } from '../contract/ipc';
import { createBridge } from '../ipc/bridge';

contextBridge.exposeInMainWorld(
  'hireproof',
  createBridge({
    invoke: (method, request) => ipcRenderer.invoke(ipcChannel(method), request),
    subscribe: (event, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(ipcEventChannel(event), forward);
      return () => void ipcRenderer.removeListener(ipcEventChannel(event), forward);
    },
  }),
);
