import { describe, expect, it } from 'vitest';
import { appIntegrityCheck } from '../../../main/checks/catalogue/app-integrity';
import type { Platform } from '../../../main/contract/checks';
import { fuseWireV1, hardenedFuses, type FuseWire } from '../../../main/contract/fuses';
import { defaultPolicy as policy } from '../../../main/contract/policy';
import type { AppState, CodeSignature } from '../../../main/probes/app/app-state';

const hardened: FuseWire = {
  version: 1,
  fuses: Object.fromEntries(
    fuseWireV1.map((name) => [
      name,
      (hardenedFuses as Record<string, boolean>)[name] === false ? 'disabled' : 'enabled',
    ]),
  ),
};
const dpkgValid: CodeSignature = {
  method: 'dpkg',
  status: 'valid',
  signer: 'deb package hireproof',
  detail: 'ok',
};
const HASH = 'a'.repeat(64);

function packaged(overrides: Partial<AppState> = {}): AppState {
  return {
    packaged: true,
    version: '1.4.0',
    executablePath: '/opt/HireProof/hireproof',
    signature: dpkgValid,
    fuseWires: [hardened],
    asar: { archive: '/opt/HireProof/resources/app.asar', headerHash: HASH, declaredHash: null },
    ...overrides,
  };
}

const judge = (app: AppState, platform: Platform = 'linux') =>
  appIntegrityCheck.rule({ app }, { policy, platform });

describe('app.integrity', () => {
  it('is n/a, never a failure, when running from source', () => {
    const outcome = judge({
      packaged: false,
      version: '0.1.0',
      executablePath: '/usr/bin/node',
      signature: null,
      fuseWires: null,
      asar: null,
    });
    expect(outcome).toEqual({
      status: 'n/a',
      summary: 'Running from source (version 0.1.0): only packaged releases are signed and sealed.',
      evidence: [{ aspect: 'app', packaged: false, version: '0.1.0', path: '/usr/bin/node' }],
    });
  });

  it('passes an installed, unmodified Linux package: Linux seals no archive hash into the binary', () => {
    expect(judge(packaged())).toMatchObject({ status: 'pass' });
  });

  it('fails macOS and Windows builds whose binary declares no archive hash', () => {
    const codesign: CodeSignature = {
      method: 'codesign',
      status: 'valid',
      signer: 'Developer ID',
      detail: 'ok',
    };
    for (const platform of ['darwin', 'win32'] as const) {
      const outcome = judge(packaged({ signature: codesign }), platform);
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toContain('its binary declares no app.asar hash');
    }
    const sealed = packaged({
      signature: codesign,
      asar: { archive: 'x', headerHash: HASH, declaredHash: HASH },
    });
    expect(judge(sealed, 'darwin').status).toBe('pass');
  });

  it('fails a binary that carries no fuse wire, or loose code without an archive', () => {
    expect(judge(packaged({ fuseWires: [] })).summary).toContain('carries no fuse wire');
    const loose = judge(packaged({ asar: { archive: null, headerHash: null, declaredHash: null } }));
    expect(loose.status).toBe('fail');
    expect(loose.summary).toContain('not in a sealed app.asar archive');
  });

  it('fails a universal build when either slice is not hardened', () => {
    const inspectable = {
      ...hardened,
      fuses: { ...hardened.fuses, EnableNodeCliInspectArguments: 'enabled' as const },
    };
    const outcome = judge(packaged({ fuseWires: [hardened, inspectable] }));
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toContainEqual({
      aspect: 'fuse',
      slice: 1,
      fuse: 'EnableNodeCliInspectArguments',
      expected: 'disabled',
      actual: 'enabled',
    });
  });

  it('counts a fuse this Electron lacks as not hardened', () => {
    const fuses = Object.fromEntries(
      Object.entries(hardened.fuses).filter(([name]) => name !== 'OnlyLoadAppFromAsar'),
    );
    expect(judge(packaged({ fuseWires: [{ version: 1, fuses }] })).evidence).toContainEqual({
      aspect: 'fuse',
      slice: 0,
      fuse: 'OnlyLoadAppFromAsar',
      expected: 'enabled',
      actual: 'missing',
    });
  });

  it('warns, with its own fix, when nothing could verify the signature', () => {
    const appImage: CodeSignature = {
      method: 'appimage',
      status: 'unverifiable',
      signer: null,
      detail: 'AppImage',
    };
    const outcome = judge(packaged({ signature: appImage }));
    expect(outcome.status).toBe('warn');
    expect(outcome.remediation).toMatch(/\.deb/);
  });

  it('lists every reason a tampered build fails', () => {
    const unsigned: CodeSignature = { method: 'dpkg', status: 'unsigned', signer: null, detail: 'copied in' };
    const outcome = judge(
      packaged({
        signature: unsigned,
        fuseWires: [{ ...hardened, fuses: { ...hardened.fuses, RunAsNode: 'enabled' } }],
        asar: { archive: 'x', headerHash: HASH, declaredHash: 'b'.repeat(64) },
      }),
    );
    expect(outcome.summary).toBe(
      'This copy of HireProof 1.4.0 is not the signed release: it is not signed (copied in); ' +
        'fuses RunAsNode are not as released; app.asar was changed after packaging.',
    );
  });
});
