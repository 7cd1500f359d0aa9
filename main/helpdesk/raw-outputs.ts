import { commandLine } from '../probes/command';
import { darwinProcessCommands } from '../probes/processes/darwin';
import { isRecordedPlatform, recordingLayout } from '../probes/recorded/layout';
import type { MachineCapture } from '../probes/recorded/capturing-host';

/** Where the raw outputs sit in the bundle. */
export const RAW_FOLDER = 'raw';

/** A process's environment holds tokens and passwords: never copied. */
const ENVIRON = /^\/proc\/\d+\/environ$/;
const CMDLINE = /^\/proc\/\d+\/cmdline$/;

/** `ps -o pid=,args=` without the arguments: each process's executable, as `ps -o pid=,comm=` printed it. */
function psArgsWithoutArguments(capture: MachineCapture): string | null {
  const comm = capture.commands.find((c) => c.line === commandLine(darwinProcessCommands.psComm));
  return comm?.output ?? null;
}

/** Win32_Process rows with the command line dropped (the executable's path stays). */
function processesWithoutArguments(output: string): string {
  const parsed = JSON.parse(output.replace(/^\uFEFF/, '').trim() || '[]') as unknown;
  const rows = Array.isArray(parsed) ? parsed : [parsed];
  return JSON.stringify(rows.map((row) => ({ ...(row as Record<string, unknown>), CommandLine: null })));
}

/** A command's output as the bundle keeps it: outputs that are command lines lose their arguments. */
function keptOutput(name: string, output: string, capture: MachineCapture): string {
  if (name === 'ps-args.txt') return psArgsWithoutArguments(capture) ?? '';
  if (name === 'processes.json') return processesWithoutArguments(output);
  return output;
}

/**
 * What the probes read, for the helpdesk bundle: on macOS and Windows a recorded machine's folder
 * (`hireproof check --recorded raw` replays it), on Linux the text files and listings read (a
 * sysroot's worth). Arguments are cut from command lines and process environments left out, since
 * they can hold secrets; the bundle redacts names and addresses in all of it like the rest.
 */
export function rawOutputFiles(capture: MachineCapture): Record<string, string> {
  const files = Object.fromEntries(
    Object.entries(capture.files)
      .filter(([path]) => !ENVIRON.test(path))
      .map(([path, text]) => [path, CMDLINE.test(path) ? (text.split('\0')[0] ?? '') : text]),
  );
  if (!isRecordedPlatform(capture.platform)) {
    return {
      [`${RAW_FOLDER}/sysroot.json`]: JSON.stringify({ files, dirs: capture.dirs }, null, 2) + '\n',
    };
  }
  const outputs: Record<string, string> = {};
  const failures: Record<string, string> = {};
  for (const [name, command] of Object.entries(recordingLayout[capture.platform])) {
    const run = capture.commands.find((c) => c.line === commandLine(command));
    if (run?.output !== undefined) outputs[`${RAW_FOLDER}/${name}`] = keptOutput(name, run.output, capture);
    else if (run?.failure !== undefined) failures[name] = run.failure;
  }
  const recording = { platform: capture.platform, files, dirs: capture.dirs, failures };
  return { [`${RAW_FOLDER}/recording.json`]: JSON.stringify(recording, null, 2) + '\n', ...outputs };
}
