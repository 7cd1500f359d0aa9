import type { Platform } from '../../contract/checks';
import { baseName } from '../../probes/path-name';
import type { ProcessInfo } from '../../probes/processes/process';
import type { ServiceInfo } from '../../probes/services/service';
import { executableKey, type Executables, type RemoteTool } from './catalogue';
import { runsUnderWine, wineProgram } from './wine';

/** Linux keeps only the first 15 bytes of a process name in `comm`. */
const COMM_LENGTH = 15;

/** A process taken for a catalogue tool, and the platform whose executable it is. */
export interface ToolMatch {
  tool: RemoteTool;
  /** `win32` for a Windows program under Wine on Linux or macOS; else the machine's own platform. */
  builtFor: Platform;
}

/**
 * The platform a process's executable is built for: the machine's own, or Windows for a program
 * Wine runs (its name is the Windows program's; its image is Wine's loader).
 */
export function executablePlatform(process: ProcessInfo, platform: Platform): Platform {
  return platform !== 'win32' && runsUnderWine(process) ? 'win32' : platform;
}

/** The names a process goes by, and the path that locates it, as the catalogue spells them. */
function identity(process: ProcessInfo, builtFor: Platform, platform: Platform) {
  if (builtFor !== platform) {
    const program = wineProgram(process);
    return {
      keys: new Set([process.name, program ? baseName(program) : ''].filter(Boolean).map(executableKey)),
      path: program,
    };
  }
  return {
    keys: new Set(
      [process.name, process.path ? baseName(process.path) : ''].filter(Boolean).map(executableKey),
    ),
    path: process.path,
  };
}

function matches(executables: Executables, keys: Set<string>, path: string | null): boolean {
  for (const key of keys) {
    if (executables.ambiguous.has(key)) {
      if (path && executables.paths.some((p) => p.test(path))) return true;
      continue;
    }
    if (executables.names.has(key) || executables.namePatterns.some((p) => p.test(key))) return true;
    if (key.length === COMM_LENGTH && [...executables.names].some((n) => n.startsWith(key))) return true;
  }
  return false;
}

/**
 * The tool a process belongs to, judged by executable name and path against the executables built
 * for the platform it runs (never by window title): a Linux `tar` is not TiFLUX's `tar.exe`.
 */
export function toolForProcess(
  tools: readonly RemoteTool[],
  process: ProcessInfo,
  platform: Platform,
): ToolMatch | null {
  const builtFor = executablePlatform(process, platform);
  const { keys, path } = identity(process, builtFor, platform);
  for (const tool of tools) {
    const executables = tool.executables[builtFor];
    if (executables && matches(executables, keys, path)) return { tool, builtFor };
  }
  return null;
}

export function toolForService(
  tools: readonly RemoteTool[],
  service: ServiceInfo,
  platform: Platform,
): RemoteTool | null {
  const name = service.name.replace(/\.service$/, '');
  return tools.find((tool) => (tool.services[platform] ?? []).some((pattern) => pattern.test(name))) ?? null;
}

export function toolsForPort(tools: readonly RemoteTool[], port: number): RemoteTool[] {
  return tools.filter((tool) => tool.ports.some((range) => port >= range.from && port <= range.to));
}

export function isAllowed(allowTools: readonly string[], tool: RemoteTool): boolean {
  return allowTools.some((name) => name.toLowerCase() === tool.name.toLowerCase());
}
