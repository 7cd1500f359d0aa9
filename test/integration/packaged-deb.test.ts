import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { openHost } from '../../main/cli/open-host';
import type { CheckResult } from '../../main/contract/checks';
import { fuseWireV1 } from '../../main/contract/fuses';
import { deviceService } from '../../main/device/device-service';
import { fileKeyStore } from '../../main/identity/key-store';
import { Outbox } from '../../main/outbox/outbox';
import { FUSE_SENTINEL, parseFuseWires } from '../../main/probes/app/parse-fuse-wire';
import { distLinuxDir } from '../support/dist-linux';
import { writeFileIn } from '../support/fake-electron';

const run = promisify(execFile);

const notRoot = process.getuid?.() !== 0;
const noDpkgDeb = spawnSync('dpkg-deb', ['--version']).status !== 0;
const skipped = notRoot
  ? ' (skipped: dpkg -i needs root)'
  : noDpkgDeb
    ? ' (skipped: dpkg-deb is not installed)'
    : '';

/**
 * The packaged Linux app as a hire gets it: electron-builder's app directory (real builder, real
 * afterPack hook, a stand-in Electron binary) in a real .deb, installed with dpkg, and read back by
 * the app's own device service on the real machine, the way the Electron main process starts it.
 */
describe.skipIf(skipped !== '')(`a packaged Linux build installed as a .deb${skipped}`, () => {
  // A name and a folder no real package uses, so the test cannot clash with anything installed.
  const pkg = `hireproof-test-${randomBytes(4).toString('hex')}`;
  const prefix = `/opt/${pkg}`;
  const binary = `${prefix}/hireproof`;
  const archive = `${prefix}/resources/app.asar`;
  const { version } = packageJson;
  let work = '';
  let installed = false;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hireproof-deb-'));
    const { app } = await distLinuxDir(work, {
      HIREPROOF_UPDATE_URL: 'https://updates.hireproof.com/desktop/',
    });
    const root = join(work, 'deb');
    await cp(app, join(root, prefix), { recursive: true });
    const { stdout: arch } = await run('dpkg', ['--print-architecture']);
    await writeFileIn(
      root,
      'DEBIAN/control',
      [
        `Package: ${pkg}`,
        `Version: ${version}`,
        `Architecture: ${arch.trim()}`,
        'Maintainer: HireProof tests <tests@hireproof.invalid>',
        'Section: misc',
        'Priority: optional',
        'Description: HireProof packaging test build',
        ' Installed and purged by test/integration/packaged-deb.test.ts.',
        '',
      ].join('\n'),
    );
    const deb = join(work, `${pkg}.deb`);
    await run('dpkg-deb', ['--build', '--root-owner-group', '-Zgzip', '-z1', root, deb]);
    await run('dpkg', ['-i', deb]);
    installed = true;
  }, 120_000);

  afterAll(async () => {
    if (installed) await run('dpkg', ['--purge', pkg]);
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** `app.integrity` as the desktop app's device service finds it on this machine (no sysroot, no server). */
  const appIntegrity = async (): Promise<CheckResult> => {
    const dataDir = join(work, `data-${randomBytes(4).toString('hex')}`);
    const service = deviceService({
      dataDir,
      keys: fileKeyStore(dataDir),
      outbox: new Outbox(dataDir),
      openHost: () => openHost(undefined),
      server: null,
      runtime: { isPackaged: true, executablePath: binary, version, resourcesPath: `${prefix}/resources` },
      emit: () => undefined,
    });
    const report = await service.runChecks({});
    const result = report.checks.find((check) => check.id === 'app.integrity');
    if (!result) throw new Error('the report has no app.integrity');
    return result;
  };

  /** Changes one byte of an installed file for this test only; every case starts from the package as installed. */
  const tamper = async (path: string, offset: number, byte: number) => {
    expect((await run('dpkg', ['--verify', pkg])).stdout).toBe('');
    const original = await readFile(path);
    expect(original[offset]).not.toBe(byte);
    onTestFinished(() => writeFile(path, original));
    const changed = Buffer.from(original);
    changed[offset] = byte;
    await writeFile(path, changed);
    return changed;
  };

  const asarHash = (result: CheckResult) =>
    result.evidence.find((row) => row.aspect === 'asar')?.headerHash as string | undefined;

  it('passes (or warns) as installed: dpkg vouches for the files, fuses hardened, code in app.asar', async () => {
    expect((await run('dpkg', ['-S', binary])).stdout.trim()).toBe(`${pkg}: ${binary}`);
    const result = await appIntegrity();
    expect(['pass', 'warn']).toContain(result.status);
    expect(result.summary).toContain(`deb package ${pkg}`);
    expect(result.evidence).toEqual([
      { aspect: 'app', packaged: true, version, path: binary },
      {
        aspect: 'signature',
        method: 'dpkg',
        status: 'valid',
        signer: `deb package ${pkg}`,
        detail: `dpkg --verify ${pkg}: every file matches`,
      },
      { aspect: 'fuses', slice: 0, state: 'hardened', wireVersion: 1 },
      {
        aspect: 'asar',
        archive,
        headerHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        declaredHash: null,
      },
    ]);
  });

  it('fails once a fuse is flipped in the installed binary: RunAsNode on, and dpkg --verify sees it', async () => {
    const bytes = await readFile(binary);
    const runAsNode =
      bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2 + fuseWireV1.indexOf('RunAsNode');
    const changed = await tamper(binary, runAsNode, '1'.charCodeAt(0));
    expect(parseFuseWires(changed)[0]?.fuses.RunAsNode).toBe('enabled');

    const result = await appIntegrity();
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('fuses RunAsNode are not as released');
    expect(result.summary).toContain(`dpkg --verify ${pkg}: 1 file(s) changed since install: ${binary}`);
    expect(result.evidence).toContainEqual({
      aspect: 'fuse',
      slice: 0,
      fuse: 'RunAsNode',
      expected: 'disabled',
      actual: 'enabled',
    });
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ aspect: 'signature', method: 'dpkg', status: 'invalid' }),
    );
    expect(result.evidence).not.toContainEqual(expect.objectContaining({ aspect: 'fuses' }));
  });

  it('fails once one byte of a file inside app.asar changes (its header, and so its hash, untouched)', async () => {
    const before = asarHash(await appIntegrity());
    const bytes = await readFile(archive);
    const headerSize = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.toString('utf8', 16, 16 + bytes.readUInt32LE(12))) as AsarDir;
    const entry = header.files.out?.files?.main?.files?.['index.js'];
    if (!entry?.offset || !entry.size) throw new Error('app.asar holds no out/main/index.js');
    const at = 8 + headerSize + Number(entry.offset);
    await tamper(archive, at, bytes[at]! ^ 0x01);

    const result = await appIntegrity();
    expect(asarHash(result)).toBe(before);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain(`dpkg --verify ${pkg}: 1 file(s) changed since install: ${archive}`);
    expect(result.evidence).toContainEqual(expect.objectContaining({ aspect: 'fuses', state: 'hardened' }));
  });

  it('fails once one byte of the app.asar header changes', async () => {
    const before = asarHash(await appIntegrity());
    const bytes = await readFile(archive);
    const name = bytes.indexOf('"index.js"', 16);
    expect(name).toBeGreaterThan(16);
    expect(name).toBeLessThan(8 + bytes.readUInt32LE(4));
    await tamper(archive, name + 1, 'I'.charCodeAt(0));

    const result = await appIntegrity();
    expect(asarHash(result)).not.toBe(before);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain(`dpkg --verify ${pkg}: 1 file(s) changed since install: ${archive}`);
  });
});

interface AsarDir {
  files: Record<string, { files?: AsarDir['files']; offset?: string; size?: number }>;
}
