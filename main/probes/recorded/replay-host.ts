import type { Platform } from '../../contract/checks';
import { commandLine, type Command } from '../command';
import type { Host } from '../host';

/** What one command printed on a real macOS or Windows machine, or how it failed there. */
export interface Recording {
  command: Command;
  output?: string;
  failure?: string;
}

export interface RecordedMachine {
  platform: Platform;
  /** The folder it was loaded from: marks everything read from it as a fixture, never live. */
  folder: string;
  recordings: Recording[];
  /** Files and folder listings readers read directly (macOS launchd folders, switch files). */
  files?: Record<string, string>;
  dirs?: Record<string, string[]>;
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

/**
 * A Host that answers each command with what the same command printed on the recorded machine.
 * A command nobody recorded fails, as a missing tool would, so the engine reports `error`. Its
 * `sysroot` is the recording's folder: observations read from it are a fixture's, not live.
 */
export function replayHost(machine: RecordedMachine): Host & { ran: string[] } {
  const ran: string[] = [];
  return {
    platform: machine.platform,
    sysroot: machine.folder,
    ran,
    readText: (path) => {
      const content = machine.files?.[path];
      return content === undefined ? Promise.reject(enoent(path)) : Promise.resolve(content);
    },
    readBytes: (path) => {
      const content = machine.files?.[path];
      return content === undefined ? Promise.reject(enoent(path)) : Promise.resolve(Buffer.from(content));
    },
    list: (path) => {
      const entries = machine.dirs?.[path];
      return entries === undefined ? Promise.reject(enoent(path)) : Promise.resolve([...entries]);
    },
    readLink: (path) => Promise.reject(enoent(path)),
    // A recording holds no live sockets: connecting here would reach this machine's instead.
    dial: ({ port }) => Promise.reject(new Error(`no connection in a replay (asked for port ${port})`)),
    run: (file, args) => {
      const line = commandLine({ file, args });
      ran.push(line);
      const recording = machine.recordings.find((r) => commandLine(r.command) === line);
      if (!recording) return Promise.reject(new Error(`${file} failed: not recorded on this machine`));
      if (recording.failure !== undefined)
        return Promise.reject(new Error(`${file} failed: ${recording.failure}`));
      return Promise.resolve(recording.output ?? '');
    },
  };
}
