import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getRawHeader } from '@electron/asar';
import { describe, expect, it } from 'vitest';
import {
  asarHeaderOf,
  declaredHashesInExe,
  declaredHashesInPlist,
} from '../../../main/probes/app/parse-asar';
import { FUSE_SENTINEL, parseFuseWires } from '../../../main/probes/app/parse-fuse-wire';
import { fakeElectronBinary, tempDir } from '../../support/fake-electron';
import { APP_FILES, packAsar, packedMacApp, packedWindowsApp } from '../../support/packed-app';

describe('the fuse wire parser', () => {
  it('reads a stock Electron wire by fuse name', () => {
    expect(parseFuseWires(fakeElectronBinary('10r1x'))).toEqual([
      {
        version: 1,
        fuses: {
          RunAsNode: 'enabled',
          EnableCookieEncryption: 'disabled',
          EnableNodeOptionsEnvironmentVariable: 'removed',
          EnableNodeCliInspectArguments: 'enabled',
          EnableEmbeddedAsarIntegrityValidation: 'unknown',
        },
      },
    ]);
  });

  it('reads each slice of a universal binary', () => {
    expect(parseFuseWires(fakeElectronBinary('0', 2))).toHaveLength(2);
  });

  it('finds nothing in a binary that is not Electron', () => {
    expect(parseFuseWires(Buffer.from('\x7fELF plain program'))).toEqual([]);
  });

  it('says so when the file ends inside the wire', () => {
    const cut = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('010')]);
    expect(() => parseFuseWires(cut)).toThrow('the fuse wire is cut short');
  });
});

describe('the ASAR header', () => {
  it('is the header @electron/asar wrote, whose SHA-256 is the integrity hash', async () => {
    const archive = join(await tempDir('asar'), 'app.asar');
    await packAsar(archive, APP_FILES);
    const header = asarHeaderOf(await readFile(archive));
    expect(header).toBe(getRawHeader(archive).headerString);
    expect(JSON.parse(header)).toHaveProperty('files.out.files.main.files');
  });

  it('is refused for a file that is not an archive', () => {
    expect(() => asarHeaderOf(Buffer.from('PK\x03\x04 a zip file, not asar'))).toThrow('not an ASAR archive');
    const lying = Buffer.alloc(16);
    lying.writeUInt32LE(4, 0);
    lying.writeUInt32LE(1_000_000, 4);
    expect(() => asarHeaderOf(lying)).toThrow('runs past the end');
  });
});

describe('the ASAR hash declared at packaging', () => {
  it('is read from the Info.plist electron-builder writes', async () => {
    const app = await packedMacApp();
    const header = asarHeaderOf(await readFile(join(app.resourcesPath!, 'app.asar')));
    const declared = declaredHashesInPlist(await readFile(join(app.bundle, 'Contents/Info.plist'), 'utf8'));
    expect(declared).toEqual([
      {
        file: 'Resources/app.asar',
        algorithm: 'SHA256',
        hash: createHash('sha256').update(header).digest('hex'),
      },
    ]);
    expect(
      declaredHashesInPlist('<plist><dict><key>CFBundleName</key><string>x</string></dict></plist>'),
    ).toEqual([]);
  });

  it("is read from the .exe's integrity resource", async () => {
    const app = await packedWindowsApp();
    const [declared] = declaredHashesInExe(await readFile(app.executablePath));
    expect(declared).toMatchObject({ file: 'resources\\app.asar', algorithm: 'SHA256' });
    expect(declared!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(declaredHashesInExe(fakeElectronBinary())).toEqual([]);
  });
});
