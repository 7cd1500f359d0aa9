import { join } from 'node:path';
import { Arch } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { afterSign, notaryCredentials, type Notarize } from '../../build/hooks/after-sign';
import type { PackedApp } from '../../build/hooks/packed-app';

const context = (electronPlatformName: string): PackedApp => ({
  appOutDir: '/runner/dist/mac-arm64',
  electronPlatformName,
  arch: Arch.arm64,
  packager: { appInfo: { productFilename: 'HireProof' } },
});

/** Records what would go to Apple's notary service; nothing leaves this machine. */
function recorder() {
  const calls: Parameters<Notarize>[0][] = [];
  const notarize: Notarize = (options) => {
    calls.push(options);
    return Promise.resolve();
  };
  return { calls, notarize };
}

describe('afterSign notarizes the signed macOS app', () => {
  it('with an App Store Connect API key from the environment', async () => {
    const { calls, notarize } = recorder();
    const log: string[] = [];
    const env = {
      APPLE_API_KEY: '/secrets/AuthKey.p8',
      APPLE_API_KEY_ID: 'T9GPZ92M7K',
      APPLE_API_ISSUER: 'c055ca8c',
    };
    await afterSign(context('darwin'), env, notarize, (line) => log.push(line));
    expect(calls).toEqual([
      {
        tool: 'notarytool',
        appPath: join('/runner/dist/mac-arm64', 'HireProof.app'),
        appleApiKey: '/secrets/AuthKey.p8',
        appleApiKeyId: 'T9GPZ92M7K',
        appleApiIssuer: 'c055ca8c',
      },
    ]);
    expect(log.at(-1)).toMatch(/notarized and stapled .*HireProof\.app/);
  });

  it('with an Apple ID and app-specific password, or a keychain profile', () => {
    expect(
      notaryCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'TEAM' }),
    ).toEqual({
      appleId: 'a@b.c',
      appleIdPassword: 'p',
      teamId: 'TEAM',
    });
    expect(notaryCredentials({ APPLE_KEYCHAIN_PROFILE: 'hireproof', APPLE_KEYCHAIN: 'ci.keychain' })).toEqual(
      {
        keychainProfile: 'hireproof',
        keychain: 'ci.keychain',
      },
    );
  });

  it('skips with a clear line when the environment holds no credentials', async () => {
    const { calls, notarize } = recorder();
    const log: string[] = [];
    await afterSign(context('darwin'), {}, notarize, (line) => log.push(line));
    expect(calls).toEqual([]);
    expect(log).toEqual([
      expect.stringMatching(
        /notarization skipped for .*HireProof\.app: no Apple credentials in the environment/,
      ),
    ]);
  });

  it('refuses to skip on a release runner that requires notarization', async () => {
    const { notarize } = recorder();
    await expect(
      afterSign(context('darwin'), { HIREPROOF_REQUIRE_NOTARIZATION: '1' }, notarize),
    ).rejects.toThrow(/notarization required but no Apple credentials are set/);
  });

  it('names the missing variable of a half-set credential instead of skipping', async () => {
    const { calls, notarize } = recorder();
    await expect(
      afterSign(context('darwin'), { APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' }, notarize),
    ).rejects.toThrow('notarization: APPLE_ID, APPLE_TEAM_ID set but APPLE_APP_SPECIFIC_PASSWORD missing');
    expect(calls).toEqual([]);
  });

  it('does nothing for Windows and Linux builds', async () => {
    const { calls, notarize } = recorder();
    const env = { APPLE_KEYCHAIN_PROFILE: 'hireproof' };
    await afterSign(context('win32'), env, notarize);
    await afterSign(context('linux'), env, notarize);
    expect(calls).toEqual([]);
  });
});
