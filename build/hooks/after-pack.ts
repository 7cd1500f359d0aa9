import { readFile } from 'node:fs/promises';
import { FuseV1Options, FuseVersion, flipFuses, type FuseConfig } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { fuseMismatches, hardenedFuses } from '../../main/contract/fuses';
import { electronFrameworkOf } from '../../main/probes/app/darwin';
import { parseFuseWires } from '../../main/probes/app/parse-fuse-wire';
import { packedAppPath, type PackedApp } from './packed-app';

export type FlipFuses = (pathToElectron: string, config: FuseConfig) => Promise<number>;

/** The @electron/fuses config for `hardenedFuses`, the one list the app.integrity check also reads. */
export function hardenedFuseConfig(context: PackedApp): FuseConfig {
  const config: FuseConfig = {
    version: FuseVersion.V1,
    // Flipping a fuse breaks an arm64 binary's ad-hoc signature, and macOS on arm64 runs nothing unsigned.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
  };
  for (const [name, on] of Object.entries(hardenedFuses)) {
    config[FuseV1Options[name as keyof typeof FuseV1Options]] = on;
  }
  return config;
}

/**
 * electron-builder's afterPack hook: flips the fuses before the app is signed (the signature then
 * covers them), and reads them back so a release whose fuses did not take never leaves the runner.
 */
export async function afterPack(
  context: PackedApp,
  flip: FlipFuses = flipFuses,
  log: (line: string) => void = console.log,
): Promise<void> {
  const app = packedAppPath(context);
  await flip(app, hardenedFuseConfig(context));
  const binary = app.endsWith('.app') ? electronFrameworkOf(app) : app;
  const wires = parseFuseWires(await readFile(binary));
  if (wires.length === 0) throw new Error(`no Electron fuse wire found in ${binary}`);
  const wrong = wires.flatMap(fuseMismatches);
  if (wrong.length > 0) {
    throw new Error(
      `fuses not hardened in ${binary}: ${wrong.map((m) => `${m.fuse} is ${m.actual}, want ${m.expected}`).join('; ')}`,
    );
  }
  log(`  • hireproof: fuses hardened in ${binary} (${wires.length} wire(s))`);
}

export default afterPack;
