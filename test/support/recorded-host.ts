import { realHost, type Host } from '../../main/probes/host';
import type { Platform } from '../../main/contract/checks';

/**
 * The real file system, with the OS tools this machine does not have (codesign, PowerShell)
 * answered from recorded output. Keys are `file arg arg…`; an Error value is how the tool failed.
 */
export function recordedHost(
  platform: Platform,
  commands: Record<string, string | Error>,
): Host & { ran: string[] } {
  const ran: string[] = [];
  return {
    ...realHost(platform),
    ran,
    // The recorded machine's sockets are not this machine's: never connect to them.
    dial: ({ port }) =>
      Promise.reject(new Error(`no connection to a recorded machine (asked for port ${port})`)),
    run: (file, args) => {
      const key = [file, ...args].join(' ');
      ran.push(key);
      const answer = commands[key];
      if (answer === undefined)
        return Promise.reject(new Error(`spawn ${file} ENOENT (not recorded: ${key})`));
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
}
