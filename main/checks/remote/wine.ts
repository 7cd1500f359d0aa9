import type { ProcessInfo } from '../../probes/processes/process';
import { baseName } from '../../probes/path-name';

/**
 * Wine's loader as the kernel shows it in /proc/PID/exe (and macOS `ps` as the image): `wine` or
 * `wine64`, or their `-preloader` (Wine's loader.c). Debian's Wine 8 shows /usr/lib/wine/wine64.
 */
const WINE_LOADER = /^wine(64)?(-preloader)?$/;

/** A Windows program run by Wine on Linux or macOS: the only way a Windows executable name runs there. */
export function runsUnderWine(process: ProcessInfo): boolean {
  return process.path !== null && WINE_LOADER.test(baseName(process.path));
}

/**
 * The Windows program a Wine process runs, as Wine puts it first on the command line: its Windows
 * path (`C:\windows\system32\services.exe`) or the Unix path it was started from. Only this part of
 * a Wine process's command line is kept in the report.
 */
export function wineProgram(process: ProcessInfo): string | null {
  if (!runsUnderWine(process)) return null;
  return /^.*?\.(exe|com|scr)(?=\s|$)/i.exec(process.cmdline)?.[0] ?? null;
}
