import type { Platform } from '../../contract/checks';
import { commandLine } from '../command';
import type { Host } from '../host';

/** What the probes read of one machine in one run, kept so IT can look at it or replay it. */
export interface MachineCapture {
  platform: Platform;
  /** Each command line run, with what it printed or the error it failed with. */
  commands: { line: string; output?: string; failure?: string }[];
  /** Text files read (Linux /proc and /sys, macOS files), by path. */
  files: Record<string, string>;
  /** Folder listings read, by path. */
  dirs: Record<string, string[]>;
}

/**
 * The same host, keeping what it answered: command outputs and failures, text files and folder
 * listings. Binary reads (EDIDs) and connections are passed through without a copy: an EDID's
 * identity is already in the report, and a greeting is a live socket's, not the machine's.
 */
export function capturingHost(host: Host): Host & { capture(): MachineCapture } {
  const commands: MachineCapture['commands'] = [];
  const files: MachineCapture['files'] = {};
  const dirs: MachineCapture['dirs'] = {};
  return {
    platform: host.platform,
    sysroot: host.sysroot,
    readText: async (path) => {
      const text = await host.readText(path);
      files[path] = text;
      return text;
    },
    readBytes: (path) => host.readBytes(path),
    list: async (path) => {
      const entries = await host.list(path);
      dirs[path] = [...entries];
      return entries;
    },
    readLink: (path) => host.readLink(path),
    run: async (file, args, options) => {
      const line = commandLine({ file, args });
      try {
        const output = await host.run(file, args, options);
        commands.push({ line, output });
        return output;
      } catch (error) {
        commands.push({ line, failure: (error as Error).message });
        throw error;
      }
    },
    dial: (request) => host.dial(request),
    capture: () => ({
      platform: host.platform,
      commands: [...commands],
      files: { ...files },
      dirs: { ...dirs },
    }),
  };
}
