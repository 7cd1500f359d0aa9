import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realHost } from '../../main/probes/host';
import { linuxApp } from '../../main/probes/app/linux';
import type { AppRuntime } from '../../main/probes/app/app-state';
import { systemEnvironment, systemProgram } from '../../main/probes/system-commands';

/**
 * The hire starts the app, so the hire sets its PATH and environment. A `dpkg` of theirs first on
 * PATH that says "nothing changed", or LD_PRELOAD in the environment, must reach no reader.
 */
const runtime = (executablePath: string): AppRuntime => ({
  isPackaged: true,
  executablePath,
  version: '1.0.0',
  resourcesPath: null,
});

describe('system programs the readers run', () => {
  let shims = '';
  let marker = '';
  const saved = { PATH: process.env.PATH, LD_PRELOAD: process.env.LD_PRELOAD };

  beforeAll(async () => {
    shims = await mkdtemp(join(tmpdir(), 'hireproof-path-shim-'));
    marker = join(shims, 'ran');
    // What an attacker would plant: a dpkg that reports every package intact, and a ps that hides.
    for (const name of ['dpkg', 'ps', 'env']) {
      await writeFile(join(shims, name), `#!/bin/sh\necho "$0 $*" >> ${marker}\necho shim\n`);
      await chmod(join(shims, name), 0o755);
    }
    process.env.PATH = `${shims}:${process.env.PATH ?? ''}`;
    process.env.LD_PRELOAD = '/tmp/hide-anydesk.so';
  });

  afterAll(async () => {
    process.env.PATH = saved.PATH;
    if (saved.LD_PRELOAD === undefined) delete process.env.LD_PRELOAD;
    else process.env.LD_PRELOAD = saved.LD_PRELOAD;
    await rm(shims, { recursive: true, force: true });
  });

  const shimRan = () => readFile(marker, 'utf8').catch(() => '');

  it('runs the OS’s own program, never one planted first on PATH', async () => {
    const host = realHost('linux');
    expect(await host.run('dpkg', ['--version'])).toMatch(/Debian 'dpkg' package management program/);
    expect(await host.run('ps', ['-o', 'pid=', '-p', String(process.pid)])).toContain(String(process.pid));
    expect(await shimRan()).toBe('');
  });

  it('gives the program the environment the app builds: system PATH, no preloads', async () => {
    const env = await realHost('linux').run('env', []);
    expect(env).toContain('PATH=/usr/bin:/bin:/usr/sbin:/sbin\n');
    expect(env).not.toContain('LD_PRELOAD');
    expect(env).not.toContain(shims);
    expect(await shimRan()).toBe('');
  });

  it('hands the app’s own environment only to a reader that asks what the session gave the app', async () => {
    const env = await realHost('linux').run('env', [], { inheritEnvironment: true });
    expect(env).toContain('LD_PRELOAD=/tmp/hide-anydesk.so');
    expect(await shimRan()).toBe('');
  });

  it('says which folders it looked in when a program is not installed', async () => {
    await expect(realHost('linux').run('no-such-reader', [])).rejects.toThrow(
      'no-such-reader failed: not installed in /usr/bin, /bin, /usr/sbin, /sbin (ENOENT)',
    );
  });

  it('keeps the app’s integrity check on the real dpkg (a shim would call every file intact)', async () => {
    // /usr/bin/dpkg owns a file dpkg itself installed: the real dpkg says whose it is and verifies it.
    const signature = await linuxApp.signature(realHost('linux'), runtime('/usr/bin/dpkg'));
    expect(signature).toMatchObject({ method: 'dpkg', status: 'valid', signer: 'deb package dpkg' });
    expect(await shimRan()).toBe('');
  });

  it('finds Windows programs in Windows’ own folders, with modules only from there', () => {
    const env = { SystemRoot: 'C:\\Windows', PSModulePath: 'C:\\Users\\x\\evil', Path: 'C:\\Users\\x\\bin' };
    const seen = new Set(['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe']);
    expect(systemProgram('powershell.exe', 'win32', env, (p) => seen.has(p))).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(systemEnvironment('win32', env)).toMatchObject({
      PSModulePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules',
      Path: 'C:\\Windows\\System32;C:\\Windows\\System32\\WindowsPowerShell\\v1.0;C:\\Windows\\System32\\wbem',
    });
    // A SystemRoot pointed at the hire's own folder is not believed.
    expect(systemEnvironment('win32', { SystemRoot: 'C:\\Users\\x\\Windows' }).SystemRoot).toBe(
      'C:\\Windows',
    );
  });
});
