import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { describe, expect, it } from 'vitest';
import { fuseMismatches } from '../../main/contract/fuses';
import { parseFuseWires } from '../../main/probes/app/parse-fuse-wire';
import { distLinuxDir } from '../support/dist-linux';
import { tempDir } from '../support/fake-electron';

/**
 * `npm run dist` as far as this machine can take it: the real electron-builder packs a Linux app
 * directory from this repo's electron-builder.yml and runs the real hooks. Electron's binary cannot
 * be downloaded here, so its distribution is a stand-in holding a stock fuse wire.
 */
describe('electron-builder packs the app with the hooks', () => {
  it('a Linux app directory: code in app.asar, fuses hardened, the update feed from the environment', async () => {
    const { app, stdout } = await distLinuxDir(await tempDir('dist'), {
      HIREPROOF_UPDATE_URL: 'https://updates.hireproof.com/desktop/',
    });
    expect(stdout).toMatch(/hireproof: fuses hardened in .*linux-unpacked\/hireproof/);

    const [wire] = parseFuseWires(await readFile(join(app, 'hireproof')));
    expect(fuseMismatches(wire!)).toEqual([]);
    const files = listPackage(join(app, 'resources/app.asar'), { isPack: false });
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/node_modules/electron-updater');
    expect(
      files.filter((f) => /^\/(build|main|test|node_modules\/(vitest|electron-builder))(\/|$)/.test(f)),
    ).toEqual([]);
    expect(await readFile(join(app, 'resources/app-update.yml'), 'utf8')).toMatch(
      /provider: generic\nurl: https:\/\/updates\.hireproof\.com\/desktop\//,
    );
  }, 120_000);
});
