import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Config = Record<string, unknown> & {
  mac: Record<string, unknown> & { extendInfo: Record<string, string> };
  win: Record<string, unknown>;
  linux: Record<string, unknown>;
  publish: Record<string, unknown>;
};
const readConfig = () => load(readFileSync('electron-builder.yml', 'utf8')) as Config;

/** electron-builder's own schema of its configuration, compiled as electron-builder compiles it. */
function builderSchema(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false });
  return ajv.compile(require('app-builder-lib/scheme.json') as object);
}

describe('electron-builder.yml', () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = builderSchema();
  });

  it("matches electron-builder's JSON schema", () => {
    expect(validate(readConfig()), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('would be rejected for an unknown key, at the top or inside a platform', () => {
    expect(validate({ ...readConfig(), hardenedRuntime: true })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ params: { additionalProperty: 'hardenedRuntime' } }),
    );
    const config = readConfig();
    expect(validate({ ...config, mac: { ...config.mac, hardendRuntime: true } })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/mac', params: { additionalProperty: 'hardendRuntime' } }),
    );
  });

  it('is the electron-builder major it was written for', () => {
    const { version } = require('electron-builder/package.json') as { version: string };
    const pinned = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
    ).devDependencies['electron-builder'];
    expect(version.split('.')[0]).toBe('26');
    expect(pinned).toMatch(/^\^26\./);
  });

  it('names the app, its hireproof:// links and packs the shell build into an archive', () => {
    const config = readConfig();
    expect(config).toMatchObject({ appId: 'com.hireproof.app', productName: 'HireProof', asar: true });
    expect(config.protocols).toEqual([{ name: 'HireProof enrolment link', schemes: ['hireproof'] }]);
    expect(config.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(config.forceCodeSigning).toBe(true);
  });

  it('builds a hardened, notarizable macOS app that asks before using the camera', () => {
    const { mac } = readConfig();
    expect(mac).toMatchObject({
      hardenedRuntime: true,
      notarize: false, // the afterSign hook notarizes, with credentials from the environment
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    expect(mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/);
  });

  it('grants the camera and JIT only: no dyld variables, no foreign libraries', () => {
    const plist = readFileSync('build/entitlements.mac.plist', 'utf8');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.device.camera']);
    expect(plist).not.toMatch(/allow-dyld-environment-variables|disable-library-validation/);
  });

  it('signs Windows installers with SHA-256 Authenticode and has updates check that signature', () => {
    const { win } = readConfig();
    expect(win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    expect(win.verifyUpdateCodeSignature).toBe(true);
  });

  it('ships Linux as AppImage and deb', () => {
    expect(readConfig().linux.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
  });

  it('publishes updates to a feed named by the environment', () => {
    expect(readConfig().publish).toEqual({ provider: 'generic', url: '${env.HIREPROOF_UPDATE_URL}' });
  });

  it('holds no secret: certificates, keys and passwords come from the environment', () => {
    const secretKeys =
      /^(cscLink|cscKeyPassword|cscInstallerLink|cscInstallerKeyPassword|certificateFile|certificatePassword)$/;
    const walk = (value: unknown, path: string): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => [
            ...(secretKeys.test(key) ? [`${path}.${key}`] : []),
            ...walk(inner, `${path}.${key}`),
          ])
        : typeof value === 'string' && /\.(p12|pfx|p8|pem|key)$/i.test(value)
          ? [`${path} = ${value}`]
          : [];
    expect(walk(readConfig(), 'config')).toEqual([]);
  });

  it('has the icons each platform asks for', () => {
    const pngSize = (path: string) => {
      const bytes = readFileSync(path);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(pngSize('build/icon.png')).toEqual([512, 512]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(`build/icons/${size}x${size}.png`)).toEqual([size, size]);
    }
    const ico = readFileSync('build/icon.ico');
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 6]);
    const icns = readFileSync('build/icon.icns');
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});

describe('the hooks electron-builder.yml names', () => {
  it("build from TypeScript and load through electron-builder's own hook loader", async () => {
    execFileSync(process.execPath, ['scripts/build-hooks.mjs']);
    const config = readConfig();
    const { resolveFunction } = require('app-builder-lib/out/util/resolve') as {
      resolveFunction: (type: unknown, executor: unknown, name: string, root: string) => Promise<unknown>;
    };
    for (const name of ['afterPack', 'afterSign'] as const) {
      expect(existsSync(config[name] as string)).toBe(true);
      const hook = await resolveFunction(undefined, config[name], name, process.cwd());
      expect(hook).toBeTypeOf('function');
      expect((hook as () => unknown).name).toBe(name);
    }
  });
});
