import { createContext, useContext } from 'react';
import type { HireproofApi } from '../main/contract/ipc';

declare global {
  interface Window {
    /** Put there by the preload (Electron) or the browser shell's page script: the IPC contract. */
    hireproof?: HireproofApi;
  }
}

export const ApiContext = createContext<HireproofApi | null>(null);

export function useApi(): HireproofApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('the HireProof bridge is missing (window.hireproof)');
  return api;
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
