import { describe, expect, it } from 'vitest';
import { authenticodeScript, parseAuthenticode } from '../../../main/probes/app/parse-authenticode';
import { codesignVerdict } from '../../../main/probes/app/parse-codesign';
import { dpkgChangedFiles, dpkgOwner } from '../../../main/probes/app/parse-dpkg';

// Recorded from `codesign -dv --verbose=2` on a Developer ID signed, hardened Electron app.
const DISPLAY = `Executable=/Applications/HireProof.app/Contents/MacOS/HireProof
Identifier=com.hireproof.app
Format=app bundle with Mach-O thin (arm64)
CodeDirectory v=20500 size=1373 flags=0x10000(runtime) hashes=32+7 location=embedded
Signature size=9045
Authority=Developer ID Application: HireProof Ltd (ABCDE12345)
Authority=Developer ID Certification Authority
Authority=Apple Root CA
Timestamp=12 Mar 2026 at 10:41:12
Info.plist entries=31
TeamIdentifier=ABCDE12345
Runtime Version=15.0.0
Sealed Resources version=2 rules=13 files=52
Internal requirements count=1 size=188
`;
const failed = (stderr: string) =>
  `codesign failed: Command failed: codesign --verify --deep --strict /Applications/HireProof.app\n${stderr}`;

describe('codesign verdicts', () => {
  it('a valid Developer ID signature names its signer and the hardened runtime', () => {
    expect(codesignVerdict(null, DISPLAY)).toEqual({
      method: 'codesign',
      status: 'valid',
      signer: 'Developer ID Application: HireProof Ltd (ABCDE12345)',
      detail: 'codesign --verify --deep --strict passed; hardened runtime',
    });
    expect(codesignVerdict(null, DISPLAY.replace('0x10000(runtime)', '0x0(none)')).detail).toMatch(
      /no hardened runtime/,
    );
  });

  it('an ad-hoc or stripped app is unsigned', () => {
    const verdict = codesignVerdict(
      failed('/Applications/HireProof.app: code object is not signed at all\nIn architecture: arm64'),
      '',
    );
    expect(verdict).toMatchObject({ status: 'unsigned', signer: null });
  });

  it('a patched file breaks the seal and is named', () => {
    const verdict = codesignVerdict(
      failed(
        '/Applications/HireProof.app: a sealed resource is missing or invalid\n' +
          'file modified: /Applications/HireProof.app/Contents/Resources/app.asar',
      ),
      DISPLAY,
    );
    expect(verdict).toMatchObject({
      status: 'invalid',
      detail: 'file modified: /Applications/HireProof.app/Contents/Resources/app.asar',
    });
  });

  it('a missing codesign is no verdict on the app', () => {
    expect(codesignVerdict('codesign failed: spawn codesign ENOENT', '').status).toBe('unverifiable');
  });
});

describe('Authenticode verdicts', () => {
  it('quotes the path for PowerShell so a quote in it cannot end the string', () => {
    const script = authenticodeScript("C:\\Users\\o'brien\\HireProof.exe");
    expect(script).toContain("-LiteralPath 'C:\\Users\\o''brien\\HireProof.exe'");
  });

  it.each([
    ['Valid', 'valid'],
    ['NotSigned', 'unsigned'],
    ['HashMismatch', 'invalid'],
    ['NotTrusted', 'invalid'],
    ['NotSupportedFileFormat', 'unverifiable'],
  ])('%s is %s', (status, verdict) => {
    const json = JSON.stringify({
      Status: status,
      StatusMessage: 'Signature verified.',
      Signer: status === 'NotSigned' ? null : 'CN=HireProof Ltd, O=HireProof Ltd, C=GB',
    });
    expect(parseAuthenticode(json)).toMatchObject({ method: 'authenticode', status: verdict });
  });

  it('names the signer and the message', () => {
    const json =
      '{"Status":"Valid","StatusMessage":"Signature verified.","Signer":"CN=HireProof Ltd, O=HireProof Ltd, C=GB"}';
    expect(parseAuthenticode(json)).toEqual({
      method: 'authenticode',
      status: 'valid',
      signer: 'CN=HireProof Ltd, O=HireProof Ltd, C=GB',
      detail: 'Valid: Signature verified.',
    });
  });

  it('says what is wrong with output it cannot read', () => {
    expect(() => parseAuthenticode('Get-AuthenticodeSignature : Cannot find path')).toThrow(
      /other than JSON/,
    );
    expect(() => parseAuthenticode('{"Status":"Sideways"}')).toThrow("unknown status 'Sideways'");
  });
});

describe('dpkg provenance', () => {
  it('finds the owning package, ignoring diversions', () => {
    const output =
      'diversion by hireproof-debug from: /opt/HireProof/hireproof\n' +
      'hireproof: /opt/HireProof/hireproof\n';
    expect(dpkgOwner(output, '/opt/HireProof/hireproof')).toBe('hireproof');
    expect(dpkgOwner('a, b: /usr/bin/x\n', '/usr/bin/x')).toBe('a');
    expect(dpkgOwner('hireproof: /opt/HireProof\n', '/opt/HireProof/hireproof')).toBeNull();
  });

  it('lists changed and missing files from dpkg --verify', () => {
    const output =
      '??5??????   /opt/HireProof/resources/app.asar\n' +
      'missing     /opt/HireProof/chrome_100_percent.pak\n' +
      '??5?????? c /etc/hireproof/policy.json\n';
    expect(dpkgChangedFiles(output)).toEqual([
      '/opt/HireProof/resources/app.asar',
      '/opt/HireProof/chrome_100_percent.pak',
      '/etc/hireproof/policy.json',
    ]);
    expect(dpkgChangedFiles('')).toEqual([]);
  });
});
