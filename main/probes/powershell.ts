import type { Command } from './command';

/**
 * One Windows PowerShell 5.1 invocation (present on every Windows 10/11). Output is forced to UTF-8
 * so device and user names survive the pipe; progress bars would otherwise leak onto stderr.
 */
export function powershell(script: string, timeoutMs = 15_000): Command {
  const prelude =
    "$ErrorActionPreference='Stop';$ProgressPreference='SilentlyContinue';" +
    '[Console]::OutputEncoding=[Text.Encoding]::UTF8;';
  return {
    file: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', prelude + script],
    timeoutMs,
  };
}
