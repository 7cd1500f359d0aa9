import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { afterPack, hardenedFuseConfig } from '../../build/hooks/after-pack';
import type { PackedApp } from '../../build/hooks/packed-app';
import { fuseMismatches, fuseWireV1, hardenedFuses } from '../../main/contract/fuses';
import { parseFuseWires } from '../../main/probes/app/parse-fuse-wire';
import { fakeElectronBinary, STOCK_WIRE, tempDir, writeFileIn } from '../support/fake-electron';

const packager = { appInfo: { productFilename: 'HireProof' }, executableName: 'hireproof' };
const context = (electronPlatformName: string, appOutDir: string, arch = Arch.x64): PackedApp => ({
  appOutDir,
  electronPlatformName,
  arch,
  packager,
});

const FRAMEWORK = 'HireProof.app/Contents/Frameworks/Electron Framework.framework/Electron Framework';

describe('the hardened fuse settings', () => {
  it('name the fuses in the order @electron/fuses writes them', () => {
    fuseWireV1.forEach((name, index) => expect(FuseV1Options[name]).toBe(index));
  });

  it('turn off every way to run the app as plain Node or load code from outside its archive', () => {
    expect(hardenedFuses).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('reset the ad-hoc signature only for macOS on arm64, where unsigned code does not run', () => {
    expect(hardenedFuseConfig(context('darwin', '/x', Arch.arm64)).resetAdHocDarwinSignature).toBe(true);
    expect(hardenedFuseConfig(context('darwin', '/x', Arch.x64)).resetAdHocDarwinSignature).toBe(false);
    expect(hardenedFuseConfig(context('linux', '/x', Arch.arm64)).resetAdHocDarwinSignature).toBe(false);
    expect(hardenedFuseConfig(context('win32', '/x', Arch.arm64)).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('afterPack flips the real fuses with @electron/fuses', () => {
  it('hardens a Linux binary, as @electron/fuses and our own parser both read it back', async () => {
    const out = await tempDir('linux-unpacked');
    const binary = await writeFileIn(out, 'hireproof', fakeElectronBinary());
    expect(fuseMismatches(parseFuseWires(await readFile(binary))[0]!)).toHaveLength(7);

    const log: string[] = [];
    await afterPack(context('linux', out), undefined, (line) => log.push(line));

    expect(log).toEqual([`  • hireproof: fuses hardened in ${binary} (1 wire(s))`]);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(0x30);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(0x31);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(0x31);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(0x30);
    const [parsed] = parseFuseWires(await readFile(binary));
    expect(fuseMismatches(parsed!)).toEqual([]);
    // Fuses HireProof does not set keep Electron's default, the ones newer than @electron/fuses too.
    expect(parsed!.fuses.LoadBrowserProcessSpecificV8Snapshot).toBe('disabled');
    expect(parsed!.fuses.fuse8).toBe('enabled');
    expect((await readFile(binary)).length).toBe(fakeElectronBinary().length);
  });

  it('hardens the Windows .exe', async () => {
    const out = await tempDir('win-unpacked');
    const binary = await writeFileIn(out, 'HireProof.exe', fakeElectronBinary());
    await afterPack(context('win32', out), undefined, () => undefined);
    expect(fuseMismatches(parseFuseWires(await readFile(binary))[0]!)).toEqual([]);
  });

  it('hardens both slices of a universal macOS framework, where Electron keeps the wire', async () => {
    const out = await tempDir('mac');
    await writeFileIn(out, 'HireProof.app/Contents/MacOS/HireProof', Buffer.from('launcher'));
    const framework = await writeFileIn(out, FRAMEWORK, fakeElectronBinary(STOCK_WIRE, 2));
    await afterPack(context('darwin', out), undefined, () => undefined);
    const wires = parseFuseWires(await readFile(framework));
    expect(wires).toHaveLength(2);
    for (const wire of wires) expect(fuseMismatches(wire)).toEqual([]);
  });

  it('fails the build when the fuses did not take', async () => {
    const out = await tempDir('no-flip');
    await writeFileIn(out, 'hireproof', fakeElectronBinary());
    const calls: [string, FuseConfig][] = [];
    const recordOnly = (path: string, config: FuseConfig) => {
      calls.push([path, config]);
      return Promise.resolve(1);
    };
    await expect(afterPack(context('linux', out), recordOnly)).rejects.toThrow(
      /fuses not hardened in .*hireproof: RunAsNode is enabled, want disabled/,
    );
    expect(calls).toEqual([[join(out, 'hireproof'), hardenedFuseConfig(context('linux', out))]]);
  });

  it('fails the build on a binary without a fuse wire', async () => {
    const out = await tempDir('not-electron');
    await writeFileIn(out, 'hireproof', Buffer.from('#!/bin/sh\necho not electron\n'));
    await expect(afterPack(context('linux', out))).rejects.toThrow(/Could not find sentinel/);
  });

  it('names an unknown platform instead of guessing a path', async () => {
    await expect(afterPack(context('beos', '/nowhere'))).rejects.toThrow("unknown Electron platform 'beos'");
  });
});
