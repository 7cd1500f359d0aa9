import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_VERSION } from '../../main/checks/catalogue-version';

/**
 * The HR service trusts a device's results only under the same catalogue version, so a change to
 * a rule or to the reference data without a new version would make old and new apps disagree
 * silently. Each version is pinned to the digest of what it is made of; a changed catalogue
 * fails here until the version is bumped and its digest added.
 */
const PINNED: Record<string, string> = {
  '2026.12.1': '092fc911fae3dfa68d0cdbe7607e14f5359b2eeb47dbe2bc9ff7e37be4312452',
  // Structural device signals, input.injected, platform-scoped names, the company's VPN.
  '2026.12.2': 'e7a4f015ac9d826be39495755e832259dbabd158eb1bda69fa0aca66cc1882b8',
  // macOS system utuns (link-local only, no default route) are not tunnels.
  '2026.12.3': '5daecc01c0f6b790f569e682bc9bd766698bbfd7b7696bad69bc4ac470a5df5e',
  // A Windows display adapter under ROOT\\DISPLAY (indirect display drivers) is a virtual display.
  '2026.12.4': '0628480666bc1507842f36483d10c8bd6edd28322217f12896b99969274c059a',
  // Real captures' findings: emulated display adapters by PCI id, Sidecar/AirPlay and DeskPad
  // displays, any ROOT display adapter, Apple Virtualization guests, running remote-tool services,
  // the AVerMedia grabber; the engine reads the LAN probe for the server.
  '2026.12.5': '6b732d4f00571c628ead74edab40a685e904201ae2d09a70d3c9eda4d8d7ab55',
  // Apple's own parsecd (CoreParsec, Spotlight suggestions) is not Parsec; Parsec's is known by its bundle path.
  '2026.12.6': '6835faecad563d5a5aa9583a86486b40f9bb066f60b83388cf77198c1e2c7ca4',
};

const CATALOGUE_FOLDERS = ['main/checks', 'main/reference'];

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !path.endsWith('catalogue-version.ts'));
}

async function catalogueDigest(): Promise<string> {
  const files = (await Promise.all(CATALOGUE_FOLDERS.map(filesUnder))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${relative('.', file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

describe('the catalogue version', () => {
  it('names exactly the rules and reference data this build judges with', async () => {
    const digest = await catalogueDigest();
    expect(
      PINNED[CATALOGUE_VERSION],
      `main/checks or main/reference changed: bump CATALOGUE_VERSION and pin '${digest}' for it here`,
    ).toBe(digest);
  });

  it('never reuses a version for different contents', () => {
    const digests = Object.values(PINNED);
    expect(new Set(digests).size).toBe(digests.length);
  });
});
