import { createRequire } from 'node:module';
import { join, win32 } from 'node:path';
import { createPackage } from '@electron/asar';
import { Arch } from 'electron-builder';
import { afterPack } from '../../build/hooks/after-pack';
import type { AppRuntime } from '../../main/probes/app/app-state';
import { fakeElectronBinary, tempDir, writeFileIn } from './fake-electron';

// electron-builder's own code computes and writes the ASAR seal, so the tests check against it.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const { computeData } = builderRequire('./out/asar/integrity.js') as {
  computeData: (options: {
    resourcesPath: string;
    resourcesRelativePath: string;
    resourcesDestinationPath: string;
    extraResourceMatchers: [];
  }) => Promise<Record<string, { algorithm: string; hash: string }>>;
};
const plist = builderRequire('plist') as { build(value: unknown): string };

/** Packs `files` into an ASAR archive at `archive` with @electron/asar, as electron-builder does. */
export async function packAsar(archive: string, files: Record<string, string>): Promise<void> {
  const source = await tempDir('asar-src');
  for (const [path, text] of Object.entries(files)) await writeFileIn(source, path, text);
  await createPackage(source, archive);
}

export const APP_FILES = {
  'package.json': '{"name":"hireproof","main":"out/main/index.js"}',
  'out/main/index.js': 'run()',
};

async function seal(resources: string, relative: string) {
  return computeData({
    resourcesPath: resources,
    resourcesRelativePath: relative,
    resourcesDestinationPath: resources,
    extraResourceMatchers: [],
  });
}

const quiet = () => undefined;
const packager = { appInfo: { productFilename: 'HireProof' }, executableName: 'hireproof' };

/** A Linux app as electron-builder leaves it in linux-unpacked: hardened binary, resources/app.asar. */
export async function packedLinuxApp(): Promise<AppRuntime> {
  const out = await tempDir('linux-unpacked');
  const executablePath = await writeFileIn(out, 'hireproof', fakeElectronBinary());
  await packAsar(join(out, 'resources/app.asar'), APP_FILES);
  await afterPack(
    { appOutDir: out, electronPlatformName: 'linux', arch: Arch.x64, packager },
    undefined,
    quiet,
  );
  return { isPackaged: true, executablePath, version: '1.4.0', resourcesPath: join(out, 'resources') };
}

/** A macOS bundle: launcher, hardened framework, Resources/app.asar and its hash in Info.plist. */
export async function packedMacApp(): Promise<AppRuntime & { bundle: string }> {
  const out = await tempDir('mac');
  const bundle = join(out, 'HireProof.app');
  const executablePath = await writeFileIn(bundle, 'Contents/MacOS/HireProof', 'launcher');
  await writeFileIn(
    bundle,
    'Contents/Frameworks/Electron Framework.framework/Electron Framework',
    fakeElectronBinary(),
  );
  const resources = join(bundle, 'Contents/Resources');
  await packAsar(join(resources, 'app.asar'), APP_FILES);
  const integrity = await seal(resources, 'Resources');
  await writeFileIn(
    bundle,
    'Contents/Info.plist',
    plist.build({ CFBundleIdentifier: 'com.hireproof.app', ElectronAsarIntegrity: integrity }),
  );
  await afterPack(
    { appOutDir: out, electronPlatformName: 'darwin', arch: Arch.x64, packager },
    undefined,
    quiet,
  );
  return { isPackaged: true, executablePath, version: '1.4.0', resourcesPath: resources, bundle };
}

/** A Windows app: HireProof.exe carrying the INTEGRITY/ELECTRONASAR resource, resources/app.asar. */
export async function packedWindowsApp(): Promise<AppRuntime> {
  const out = await tempDir('win-unpacked');
  const resources = join(out, 'resources');
  await packAsar(join(resources, 'app.asar'), APP_FILES);
  // The resource bytes as electron-builder's addWinAsarIntegrity writes them.
  const list = Object.entries(await seal(resources, 'resources')).map(([file, { algorithm, hash }]) => ({
    file: win32.normalize(file),
    alg: algorithm,
    value: hash,
  }));
  const executable = Buffer.concat([
    fakeElectronBinary(),
    Buffer.from(JSON.stringify(list)),
    Buffer.alloc(1024),
  ]);
  const executablePath = await writeFileIn(out, 'HireProof.exe', executable);
  await afterPack(
    { appOutDir: out, electronPlatformName: 'win32', arch: Arch.x64, packager },
    undefined,
    quiet,
  );
  return { isPackaged: true, executablePath, version: '1.4.0', resourcesPath: resources };
}
