/** A service, daemon or launch agent installed on the machine, running or not. */
export interface ServiceInfo {
  name: string;
  state: 'running' | 'stopped' | 'enabled' | 'disabled' | 'unknown';
  /** Executable or unit file behind the service, when known. */
  path: string | null;
}
