import type { ProcessInfo } from '../../probes/processes/process';
import type { ServiceInfo } from '../../probes/services/service';
import { executableKey, type RemoteTool } from './catalogue';

/** Linux keeps only the first 15 bytes of a process name in `comm`. */
const COMM_LENGTH = 15;

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The tool a process belongs to, judged by executable name and path, never by window title. */
export function toolForProcess(tools: readonly RemoteTool[], process: ProcessInfo): RemoteTool | null {
  const candidates = new Set(
    [process.name, process.path ? basename(process.path) : ''].filter(Boolean).map(executableKey),
  );
  for (const tool of tools) {
    for (const key of candidates) {
      if (tool.ambiguous.has(key)) {
        if (process.path && tool.paths.some((p) => p.test(process.path ?? ''))) return tool;
        continue;
      }
      if (tool.names.has(key) || tool.namePatterns.some((p) => p.test(key))) return tool;
      if (key.length === COMM_LENGTH && [...tool.names].some((n) => n.startsWith(key))) return tool;
    }
  }
  return null;
}

export function toolForService(tools: readonly RemoteTool[], service: ServiceInfo): RemoteTool | null {
  const name = service.name.replace(/\.service$/, '');
  return tools.find((tool) => tool.services.some((pattern) => pattern.test(name))) ?? null;
}

export function toolsForPort(tools: readonly RemoteTool[], port: number): RemoteTool[] {
  return tools.filter((tool) => tool.ports.some((range) => port >= range.from && port <= range.to));
}

export function isAllowed(allowTools: readonly string[], tool: RemoteTool): boolean {
  return allowTools.some((name) => name.toLowerCase() === tool.name.toLowerCase());
}
