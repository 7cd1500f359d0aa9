import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import type { Platform } from '../contract/checks';

/**
 * Where the OS keeps the programs the readers run. The hire starts the app and so sets its PATH:
 * a `ps` or `dpkg` of theirs placed first on it would answer every question. Programs are found
 * only here, and run with an environment the app builds, never the one it was given.
 */
const WINDOWS = 'C:\\Windows';

/** The Windows folder, as the environment names it only when it has the usual shape. */
function windowsFolder(env: NodeJS.ProcessEnv): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT;
  return root && /^[A-Za-z]:\\Windows$/i.test(root) ? root : WINDOWS;
}

export function systemDirectories(platform: Platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const system32 = win32.join(windowsFolder(env), 'System32');
    return [system32, win32.join(system32, 'WindowsPowerShell', 'v1.0'), win32.join(system32, 'wbem')];
  }
  return ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];
}

/** The full path of a system program; a bare name found nowhere there is an error naming the folders. */
export function systemProgram(
  file: string,
  platform: Platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const path = platform === 'win32' ? win32 : posix;
  if (path.isAbsolute(file)) return file;
  const directories = systemDirectories(platform, env);
  const found = directories.map((dir) => path.join(dir, file)).find(exists);
  if (found) return found;
  throw Object.assign(new Error(`${file} failed: not installed in ${directories.join(', ')} (ENOENT)`), {
    code: 'ENOENT',
  });
}

/**
 * Kept from the app's own environment: who and where the user is, their language, and what Windows
 * programs expect to find (its folders, PATHEXT), nothing that loads code. Windows spells names in
 * any case.
 */
const KEPT =
  /^(HOME|USER|LOGNAME|USERNAME|USERPROFILE|USERDOMAIN|COMPUTERNAME|TMPDIR|TEMP|TMP|LANG|LANGUAGE|LC_[A-Z]+|TZ|APPDATA|LOCALAPPDATA|PROGRAMDATA|PROGRAMFILES|PROGRAMFILES\(X86\)|COMMONPROGRAMFILES|PATHEXT|OS|PROCESSOR_ARCHITECTURE|NUMBER_OF_PROCESSORS)$/i;

/**
 * What a system program runs with: PATH of the system folders only (a shell or PowerShell the
 * reader starts finds its own tools there too) and, on Windows, PowerShell modules from Windows'
 * own folder, so a module planted on PSModulePath cannot stand in for Get-CimInstance.
 */
export function systemEnvironment(
  platform: Platform,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(env).filter(([name]) => KEPT.test(name)));
  const directories = systemDirectories(platform, env);
  if (platform !== 'win32') return { ...kept, PATH: directories.join(':') };
  const windows = windowsFolder(env);
  return {
    ...kept,
    SystemRoot: windows,
    windir: windows,
    Path: directories.join(';'),
    PSModulePath: win32.join(windows, 'System32', 'WindowsPowerShell', 'v1.0', 'Modules'),
  };
}
