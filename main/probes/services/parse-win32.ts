import { rowsOf, text } from '../json-rows';
import type { ServiceInfo } from './service';

/** `"C:\Program Files\AnyDesk\AnyDesk.exe" --service` or `C:\Windows\system32\svchost.exe -k …`. */
export function executableOfCommandLine(commandLine: string | null): string | null {
  if (commandLine === null) return null;
  const quoted = /^"([^"]+)"/.exec(commandLine);
  if (quoted) return quoted[1] ?? null;
  const bare = /^(.+?\.(exe|sys|dll))(\s|$)/i.exec(commandLine);
  return bare ? (bare[1] ?? null) : (commandLine.split(' ')[0] ?? null);
}

/** Win32_Service rows: a disabled start mode outranks "stopped"; running outranks both. */
export function servicesFromWin32(value: unknown): ServiceInfo[] {
  const services: ServiceInfo[] = [];
  for (const row of rowsOf(value)) {
    const name = text(row, 'Name');
    if (name === null) continue;
    const state = text(row, 'State');
    const startMode = text(row, 'StartMode');
    services.push({
      name,
      state:
        state === 'Running'
          ? 'running'
          : startMode === 'Disabled'
            ? 'disabled'
            : state === 'Stopped'
              ? 'stopped'
              : 'unknown',
      path: executableOfCommandLine(text(row, 'PathName')),
    });
  }
  return services;
}
