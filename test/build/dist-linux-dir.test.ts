import { spawnSync } from 'node:child_process';
import { chmod, cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { describe, expect, it } from 'vitest';
import { fuseMismatches } from '../../main/contract/fuses';
import { parseFuseWires } from '../../main/probes/app/parse-fuse-wire';
import { fakeElectronBinary, tempDir, writeFileIn } from '../support/fake-electron';

/**
 * `npm run dist` as far as this machine can take it: the real electron-builder packs a Linux app
 * directory from this repo's electron-builder.yml and runs the real hooks. Electron's binary cannot
 * be downloaded here, so its distribution is a stand-in holding a stock fuse wire.
 */
describe('electron-builder packs the app with the hooks', () => {
  it('a Linux app directory: code in app.asar, fuses hardened, the update feed from the environment', async () => {
    const project = await tempDir('dist-project');
    const hooks = spawnSync(process.execPath, ['scripts/build-hooks.mjs', join(project, 'out/build')], {
      encoding: 'utf8',
    });
    expect(hooks.status, hooks.stderr).toBe(0);
    for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml', 'build']) {
      await cp(file, join(project, file), { recursive: true });
    }
    await symlink(join(process.cwd(), 'node_modules'), join(project, 'node_modules'));
    await writeFileIn(project, 'out/main/index.js', '// the shell build lands here\n');
    const electronDist = await tempDir('electron-dist');
    await writeFile(join(electronDist, 'electron'), fakeElectronBinary());
    await chmod(join(electronDist, 'electron'), 0o755);
    await writeFile(join(electronDist, 'LICENSE'), 'MIT');
    const output = await tempDir('dist');

    const builder = spawnSync(
      process.execPath,
      [
        join(process.cwd(), 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `--config.electronDist=${electronDist}`,
        `--config.directories.output=${output}`,
      ],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, HIREPROOF_UPDATE_URL: 'https://updates.hireproof.com/desktop/' },
      },
    );
    expect(builder.status, builder.stdout + builder.stderr).toBe(0);
    expect(builder.stdout).toMatch(/hireproof: fuses hardened in .*linux-unpacked\/hireproof/);

    const app = join(output, 'linux-unpacked');
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
