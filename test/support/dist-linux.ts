import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeElectronBinary, writeFileIn } from './fake-electron';

export interface LinuxDist {
  /** electron-builder's linux-unpacked folder: the `hireproof` binary and resources/app.asar. */
  app: string;
  /** What electron-builder and the hooks printed. */
  stdout: string;
}

/**
 * `npm run dist -- --linux dir` as far as this machine can take it: the real electron-builder packs
 * a Linux app directory from this repo's electron-builder.yml and runs the real hooks. Electron's
 * binary cannot be downloaded here, so its distribution is a stand-in holding a stock fuse wire.
 * Everything is written under `work` (the caller removes it); throws with the builder's output if it fails.
 */
export async function distLinuxDir(work: string, env: NodeJS.ProcessEnv = {}): Promise<LinuxDist> {
  const project = join(work, 'project');
  const hooks = spawnSync(process.execPath, ['scripts/build-hooks.mjs', join(project, 'out/build')], {
    encoding: 'utf8',
  });
  if (hooks.status !== 0) throw new Error(`the hooks did not build: ${hooks.stderr}`);
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml', 'build']) {
    await cp(file, join(project, file), { recursive: true });
  }
  await symlink(join(process.cwd(), 'node_modules'), join(project, 'node_modules'));
  await writeFileIn(project, 'out/main/index.js', '// the shell build lands here\n');
  const electronDist = join(work, 'electron-dist');
  await mkdir(electronDist, { recursive: true });
  await writeFile(join(electronDist, 'electron'), fakeElectronBinary());
  await chmod(join(electronDist, 'electron'), 0o755);
  await writeFile(join(electronDist, 'LICENSE'), 'MIT');
  const output = join(work, 'dist');

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
    { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  if (builder.status !== 0) {
    throw new Error(`electron-builder exited ${builder.status}:\n${builder.stdout}${builder.stderr}`);
  }
  return { app: join(output, 'linux-unpacked'), stdout: builder.stdout };
}
