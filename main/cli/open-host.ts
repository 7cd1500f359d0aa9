import { realpath, stat } from 'node:fs/promises';
import { realHost, sysrootHost, type Host } from '../probes/host';
import { readRecording, RecordingUnreadable } from './read-recording';
import { replayHost } from '../probes/recorded/replay-host';
import { UsageError } from './usage-error';

/** Where a command reads its machine: the live OS, a Linux `--sysroot DIR`, or a `--recorded DIR`. */
export interface MachineSource {
  sysroot?: string | undefined;
  recorded?: string | undefined;
}

/**
 * The real machine, a Linux machine laid out under `--sysroot DIR` (no commands run), or a macOS or
 * Windows machine's recorded command outputs under `--recorded DIR`. Both fixtures are marked as
 * such in anything signed (`host.sysroot` is set), so servers refuse them outside demo mode.
 */
export async function openHost(source: MachineSource | string | undefined): Promise<Host> {
  const { sysroot, recorded } =
    typeof source === 'object' ? source : { sysroot: source, recorded: undefined };
  if (sysroot !== undefined && recorded !== undefined)
    throw new UsageError('give either --sysroot or --recorded, not both');
  if (recorded !== undefined) return replayHost(readMachine(await folder(recorded, 'recording')));
  if (sysroot === undefined) return realHost();
  return sysrootHost(await folder(sysroot, 'sysroot'));
}

async function folder(path: string, what: string): Promise<string> {
  const root = await realpath(path).catch(() => {
    throw new UsageError(`${what} ${path} does not exist`);
  });
  if (!(await stat(root)).isDirectory()) throw new UsageError(`${what} ${path} is not a folder`);
  return root;
}

function readMachine(root: string) {
  try {
    return readRecording(root);
  } catch (error) {
    if (error instanceof RecordingUnreadable) throw new UsageError(error.message);
    throw error;
  }
}
