import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appIntegrityCheck } from '../../../main/checks/catalogue/app-integrity';
import { runChecks } from '../../../main/checks/engine';
import type { Platform } from '../../../main/contract/checks';
import { defaultPolicy as policy } from '../../../main/contract/policy';
import type { AppRuntime } from '../../../main/probes/app/app-state';
import { linuxApp } from '../../../main/probes/app/linux';
import { readApp } from '../../../main/probes/app/read-app';
import { realHost, sysrootHost, type Host } from '../../../main/probes/host';
import { probesFor } from '../../../main/probes/registry';
import { tempDir, writeFileIn } from '../../support/fake-electron';
import {
  APP_FILES,
  packAsar,
  packedLinuxApp,
  packedMacApp,
  packedWindowsApp,
} from '../../support/packed-app';
import { recordedHost } from '../../support/recorded-host';

async function integrity(host: Host, runtime: AppRuntime) {
  const report = await runChecks({ checks: [appIntegrityCheck], probes: probesFor(runtime), host, policy });
  return report.checks[0]!;
}

const CODESIGN_DISPLAY = `Authority=Developer ID Application: HireProof Ltd (ABCDE12345)
CodeDirectory v=20500 size=1373 flags=0x10000(runtime) hashes=32+7 location=embedded
TeamIdentifier=ABCDE12345
`;

function macHost(bundle: string, verify: string | Error = ''): Host {
  return recordedHost('darwin', {
    [`codesign --verify --deep --strict ${bundle}`]: verify,
    [`/bin/sh -c codesign -dv --verbose=2 "$1" 2>&1 sh ${bundle}`]: CODESIGN_DISPLAY,
  });
}

function windowsHost(status: string): Host {
  return {
    ...recordedHost('win32', {}),
    run: (file) =>
      file === 'powershell.exe'
        ? Promise.resolve(
            JSON.stringify({ Status: status, StatusMessage: status, Signer: 'CN=HireProof Ltd' }),
          )
        : Promise.reject(new Error(`spawn ${file} ENOENT`)),
  };
}

describe('the app probe, running from source', () => {
  it('reports what runs and reads nothing else', async () => {
    const untouchable: Host = {
      platform: 'linux',
      sysroot: null,
      readText: () => Promise.reject(new Error('read')),
      readBytes: () => Promise.reject(new Error('read')),
      list: () => Promise.reject(new Error('read')),
      readLink: () => Promise.reject(new Error('read')),
      run: () => Promise.reject(new Error('run')),
      dial: () => Promise.reject(new Error('dial')),
    };
    const runtime = {
      isPackaged: false,
      executablePath: '/usr/bin/node',
      version: '0.1.0',
      resourcesPath: null,
    };
    expect(await readApp(untouchable, runtime, linuxApp)).toEqual({
      packaged: false,
      version: '0.1.0',
      executablePath: '/usr/bin/node',
      signature: null,
      fuseWires: null,
      asar: null,
    });
    expect(await integrity(untouchable, runtime)).toMatchObject({ status: 'n/a', remediation: '' });
  });
});

describe('app.integrity on a packaged macOS app', () => {
  it('passes a signed app whose fuses and archive are as packaged', async () => {
    const app = await packedMacApp();
    const result = await integrity(macHost(app.bundle), app);
    expect(result).toMatchObject({
      status: 'pass',
      summary:
        'Signed release 1.4.0 (Developer ID Application: HireProof Ltd (ABCDE12345)): fuses hardened, code sealed.',
    });
    const asar = result.evidence.find((row) => row.aspect === 'asar')!;
    expect(asar.declaredHash).toBe(asar.headerHash);
  });

  it('fails when app.asar was swapped after packaging', async () => {
    const app = await packedMacApp();
    await packAsar(join(app.resourcesPath!, 'app.asar'), {
      ...APP_FILES,
      'out/main/index.js': 'report("pass")',
    });
    const result = await integrity(macHost(app.bundle), app);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('app.asar was changed after packaging');
  });

  it('fails when codesign finds a broken seal', async () => {
    const app = await packedMacApp();
    const broken = new Error(`codesign failed: ${app.bundle}: a sealed resource is missing or invalid`);
    const result = await integrity(macHost(app.bundle, broken), app);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('its signature does not hold (');
  });

  it('fails when a fuse was flipped back on', async () => {
    const app = await packedMacApp();
    const framework = join(app.bundle, 'Contents/Frameworks/Electron Framework.framework/Electron Framework');
    const bytes = await readFile(framework);
    const runAsNode = bytes.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 32 + 2;
    bytes[runAsNode] = '1'.charCodeAt(0);
    await writeFile(framework, bytes);
    const result = await integrity(macHost(app.bundle), app);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('fuses RunAsNode are not as released');
    expect(result.evidence).toContainEqual({
      aspect: 'fuse',
      slice: 0,
      fuse: 'RunAsNode',
      expected: 'disabled',
      actual: 'enabled',
    });
  });
});

describe('app.integrity on a packaged Windows app', () => {
  it('passes a valid Authenticode signature with the archive hash sealed in the .exe', async () => {
    const app = await packedWindowsApp();
    expect(await integrity(windowsHost('Valid'), app)).toMatchObject({ status: 'pass' });
  });

  it.each(['NotSigned', 'HashMismatch'])('fails a %s executable', async (status) => {
    const app = await packedWindowsApp();
    expect((await integrity(windowsHost(status), app)).status).toBe('fail');
  });
});

describe('app.integrity on a packaged Linux app', () => {
  it('fails a copy that no package installed, asking this machine’s real dpkg', async () => {
    const app = await packedLinuxApp();
    const result = await integrity(realHost('linux'), app);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/it is not signed \(no installed package owns .*hireproof/);
    expect(result.evidence).toContainEqual({ aspect: 'fuses', slice: 0, state: 'hardened', wireVersion: 1 });
  });

  it('vouches for files dpkg installed and still match (this machine’s dpkg binary)', async () => {
    const runtime = { isPackaged: true, executablePath: '/usr/bin/dpkg', version: '1', resourcesPath: null };
    expect(await linuxApp.signature(realHost('linux'), runtime)).toEqual({
      method: 'dpkg',
      status: 'valid',
      signer: 'deb package dpkg',
      detail: 'dpkg --verify dpkg: every file matches',
    });
  });

  it('names the files dpkg --verify finds changed', async () => {
    const path = '/opt/HireProof/hireproof';
    const host = recordedHost('linux', {
      [`dpkg -S ${path}`]: `hireproof: ${path}\n`,
      'dpkg --verify hireproof': '??5??????   /opt/HireProof/resources/app.asar\n',
    });
    const runtime = {
      isPackaged: true,
      executablePath: path,
      version: '1',
      resourcesPath: '/opt/HireProof/resources',
    };
    expect(await linuxApp.signature(host, runtime)).toMatchObject({
      status: 'invalid',
      detail: 'dpkg --verify hireproof: 1 file(s) changed since install: /opt/HireProof/resources/app.asar',
    });
  });

  it('warns for an AppImage, which carries no signature the OS checks', async () => {
    const root = await tempDir('appimage-sysroot');
    await writeFileIn(
      root,
      'proc/self/environ',
      'HOME=/home/hire\0APPIMAGE=/home/hire/HireProof-1.4.0.AppImage\0',
    );
    const runtime = {
      isPackaged: true,
      executablePath: '/tmp/.mount_x/hireproof',
      version: '1',
      resourcesPath: null,
    };
    expect(await linuxApp.signature(sysrootHost(root), runtime)).toMatchObject({
      method: 'appimage',
      status: 'unverifiable',
    });
  });
});

it.each<Platform>(['linux', 'darwin', 'win32'])('the %s registry wires the app probe', (platform) => {
  const runtime = { isPackaged: false, executablePath: 'x', version: '1', resourcesPath: null };
  expect(probesFor(runtime).app[platform]).toBeTypeOf('function');
});
