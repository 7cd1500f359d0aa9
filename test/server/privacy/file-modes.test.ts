import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceContext } from '../../../main/cli/device-context';
import { startServer } from '../../../server/start-server';
import { ADMIN_TOKEN } from '../../support/hr-service';

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);
const modes = async (dir: string) =>
  Object.fromEntries(
    await Promise.all([
      Promise.resolve(['.', await modeOf(dir)] as const),
      ...(await readdir(dir)).map(async (name) => [name, await modeOf(join(dir, name))] as const),
    ]),
  );

/** Only the service's (or the hire's) own user reads what HireProof keeps, however the folder came to be. */
describe('file modes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const folder = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hireproof-modes-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await chmod(dir, 0o755);
    return dir;
  };
  const expected = {
    '.': '700',
    'hireproof.sqlite': '600',
    'hireproof.sqlite-wal': '600',
    'hireproof.sqlite-shm': '600',
    'photo-key': '600',
  };

  it('the HR service makes its folder 0700 and its database, WAL, shared memory and key 0600, even in a folder that existed', async () => {
    const dir = await folder();
    const server = await startServer({ port: 0, dataDir: dir, adminToken: ADMIN_TOKEN, runJobs: false });
    expect(await modes(dir)).toEqual(expected);
    await server.close();
    // Left open to others by an earlier version or by hand: put right at the next start.
    for (const name of Object.keys(expected)) await chmod(join(dir, name), 0o644).catch(() => undefined);
    await chmod(dir, 0o755);
    const again = await startServer({ port: 0, dataDir: dir, adminToken: ADMIN_TOKEN, runJobs: false });
    cleanups.push(() => again.close());
    expect(await modes(dir)).toEqual(expected);
  });

  it("the device's data folder is 0700 even when it existed", async () => {
    const dir = await folder();
    expect(deviceContext(dir).dataDir).toBe(dir);
    expect(await modeOf(dir)).toBe('700');
  });
});
