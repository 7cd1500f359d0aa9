import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { commandLine } from '../probes/command';
import { recordingLayout } from '../probes/recorded/layout';
import type { RecordedMachine, Recording } from '../probes/recorded/replay-host';

/**
 * `recording.json` in a recorded machine's folder: which OS it is, and what its command files
 * alone cannot say. Everything else in the folder is one command's output, named by the layout.
 */
const RecordingFile = z
  .object({
    platform: z.enum(['darwin', 'win32']),
    /** A sibling folder whose recordings fill in the commands this one lacks. */
    base: z.string().optional(),
    files: z.record(z.string(), z.string()).optional(),
    dirs: z.record(z.string(), z.array(z.string())).optional(),
    /** Command files that failed on this machine, with the error the tool printed. */
    failures: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const RECORDING_FILE = 'recording.json';

export class RecordingUnreadable extends Error {}

/** The machine recorded in `folder` (see `recordingLayout` for which file holds which command). */
export function readRecording(folder: string): RecordedMachine {
  const root = resolve(folder);
  const path = join(root, RECORDING_FILE);
  if (!existsSync(path)) throw new RecordingUnreadable(`${folder} holds no ${RECORDING_FILE}`);
  const parsed = RecordingFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new RecordingUnreadable(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const meta = parsed.data;
  const base = meta.base === undefined ? null : readRecording(join(dirname(root), meta.base));
  if (base && base.platform !== meta.platform)
    throw new RecordingUnreadable(`${path}: base ${meta.base} is a ${base.platform} machine`);
  const recordings: Recording[] = Object.entries(recordingLayout[meta.platform]).flatMap(
    ([name, command]) => {
      const failure = meta.failures?.[name];
      if (failure !== undefined) return [{ command, failure }];
      const file = join(root, name);
      if (existsSync(file)) return [{ command, output: readFileSync(file, 'utf8') }];
      return base?.recordings.filter((r) => commandLine(r.command) === commandLine(command)) ?? [];
    },
  );
  return {
    platform: meta.platform,
    folder: root,
    recordings,
    files: { ...base?.files, ...meta.files },
    dirs: { ...base?.dirs, ...meta.dirs },
  };
}
