import type { EvidenceRow } from '../../contract/checks';
import { fuseMismatches } from '../../contract/fuses';
import { defineCheck } from '../check';

export const appIntegrityCheck = defineCheck({
  id: 'app.integrity',
  title: 'HireProof release integrity',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['app'],
  severity: 'critical',
  rationale:
    'The person at the keyboard can patch the app to report whatever they like. A release is code-signed, ' +
    'its Electron fuses forbid running it as plain Node or loading code from outside its archive, and the ' +
    "archive's hash is sealed into the signed binary: a copy that fails any of these cannot vouch for its report.",
  remediation: 'Reinstall HireProof from the link IT sent you, then press Re-check.',
  rule({ app }, { platform }) {
    const identity: EvidenceRow = {
      aspect: 'app',
      packaged: app.packaged,
      version: app.version,
      path: app.executablePath,
    };
    if (!app.packaged || !app.signature || !app.fuseWires || !app.asar) {
      return {
        status: 'n/a',
        summary: `Running from source (version ${app.version}): only packaged releases are signed and sealed.`,
        evidence: [identity],
      };
    }
    const { signature, fuseWires, asar } = app;
    const broken: string[] = [];
    const unverified: string[] = [];
    const evidence: EvidenceRow[] = [identity, { aspect: 'signature', ...signature }];

    if (signature.status === 'unsigned') broken.push(`it is not signed (${signature.detail})`);
    if (signature.status === 'invalid') broken.push(`its signature does not hold (${signature.detail})`);
    if (signature.status === 'unverifiable')
      unverified.push(`its signature could not be checked (${signature.detail})`);

    if (fuseWires.length === 0) broken.push('its Electron binary carries no fuse wire');
    fuseWires.forEach((wire, slice) => {
      const mismatches = fuseMismatches(wire);
      for (const m of mismatches) evidence.push({ aspect: 'fuse', slice, ...m });
      if (mismatches.length > 0)
        broken.push(`fuses ${mismatches.map((m) => m.fuse).join(', ')} are not as released`);
      else evidence.push({ aspect: 'fuses', slice, state: 'hardened', wireVersion: wire.version });
    });

    evidence.push({ aspect: 'asar', ...asar });
    if (asar.archive === null) broken.push('its code is not in a sealed app.asar archive');
    else if (asar.declaredHash === null) {
      // Electron seals the archive hash into the binary on macOS and Windows only.
      if (platform !== 'linux') broken.push('its binary declares no app.asar hash');
    } else if (asar.declaredHash !== asar.headerHash) broken.push('app.asar was changed after packaging');

    if (broken.length > 0) {
      return {
        status: 'fail',
        summary: `This copy of HireProof ${app.version} is not the signed release: ${broken.join('; ')}.`,
        evidence,
      };
    }
    if (unverified.length > 0) {
      return {
        status: 'warn',
        summary: `HireProof ${app.version} is hardened, but ${unverified.join('; ')}.`,
        evidence,
        remediation:
          'Install HireProof from the package IT provides (the .deb on Linux) so its files can be verified.',
      };
    }
    return {
      status: 'pass',
      summary: `Signed release ${app.version} (${signature.signer ?? signature.method}): fuses hardened, code sealed.`,
      evidence,
    };
  },
});
