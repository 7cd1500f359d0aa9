import type { Host, RunOptions } from './host';

/** A program and its arguments, exactly as a reader passes them to `Host.run`. */
export interface Command extends RunOptions {
  /** A system program by name (found only in the OS's own folders) or by full path. */
  file: string;
  args: readonly string[];
}

export function commandLine(command: Command): string {
  return [command.file, ...command.args].join(' ');
}

export function runCommand(host: Host, command: Command): Promise<string> {
  const { file, args, ...options } = command;
  return host.run(file, args, options);
}

/**
 * JSON printed by system_profiler or ConvertTo-Json. An empty pipeline prints nothing, which is an
 * empty list; anything else that is not JSON (a PowerShell error, a usage message) is an error.
 */
export function decodeJson(text: string, what: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw new Error(`${what} did not print JSON: ${trimmed.slice(0, 160)}`);
  }
}
