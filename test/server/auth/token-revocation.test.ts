import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start-server';
import { auditEntries } from '../../support/audit-log';
import { hireproof } from '../../support/cli';
import { ADMIN_TOKEN, api, freshPostgres, storages, TEST_PHOTO_KEY } from '../../support/hr-service';

/**
 * HR API tokens are listed and revoked from the server's machine (`hireproof admin token …`); a
 * revoked token, and every dashboard session opened with it, is refused from the next request on.
 * HIREPROOF_ADMIN_TOKEN is for bootstrapping: a new value revokes the old one.
 */
describe.each(storages)('revoking HR API tokens on %s', (storage) => {
  let dataDir = '';
  let database: Awaited<ReturnType<typeof freshPostgres>> | null = null;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const env = () => ({
    ...process.env,
    ...(database ? { HIREPROOF_DATABASE_URL: database.url, HIREPROOF_PHOTO_KEY: TEST_PHOTO_KEY } : {}),
  });
  const admin = (...args: string[]) => hireproof(['admin', ...args, '--data', dataDir], env());
  const restart = async (adminToken: string) => {
    await server?.close();
    server = await startServer({
      port: 0,
      dataDir,
      databaseUrl: database?.url,
      ...(database ? { photoKey: TEST_PHOTO_KEY } : {}),
      adminToken,
      runJobs: false,
    });
    return server;
  };
  const asToken = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hireproof-tokens-'));
    database = storage === 'postgres' ? await freshPostgres() : null;
    await restart(ADMIN_TOKEN);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists tokens by id and name, never the token, and a revoked one stops at once with its sessions', async () => {
    const created = await admin('token', 'create', '--name', 'auditor');
    expect(created.stderr).toBe('');
    const token = created.stdout.trim();
    const { url } = server!;
    expect((await api(url, 'GET', '/v1/hires', undefined, asToken(token))).status).toBe(200);
    const signIn = await api(url, 'POST', '/v1/session', { token }, { authorization: '' });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const asSession = { authorization: '', cookie };
    expect((await api(url, 'GET', '/v1/session', undefined, asSession)).json).toEqual({
      actor: 'session:auditor',
      role: 'hr-admin',
      emailsHires: false,
    });

    const listed = await admin('token', 'list');
    expect(listed.stdout).toMatch(
      /^\S+ {2}bootstrap {2}hr-admin {2}created \S+\n\S+ {2}auditor {2}hr-admin {2}created \S+\n$/,
    );
    expect(listed.stdout).not.toContain(token);

    const revoked = await admin('token', 'revoke', 'auditor');
    expect(revoked.stdout).toMatch(/^Revoked \S+ \(auditor\); its sessions ended\.\n$/);
    const bearer = await api(url, 'GET', '/v1/hires', undefined, asToken(token));
    expect([bearer.status, bearer.json.error?.code]).toEqual([401, 'auth.invalid-token']);
    const session = await api(url, 'GET', '/v1/session', undefined, asSession);
    expect([session.status, session.json.error?.code]).toEqual([401, 'auth.session-expired']);
    expect((await api(url, 'POST', '/v1/session', { token }, { authorization: '' })).status).toBe(401);
    expect((await admin('token', 'list')).stdout).toMatch(
      /auditor {2}hr-admin {2}created \S+ {2}revoked \S+\n$/,
    );
    expect(await auditEntries(server!.context, 'token.revoke')).toEqual([
      {
        actor: 'admin-cli',
        action: 'token.revoke',
        target: expect.any(String) as string,
        detail: { name: 'auditor' },
      },
    ]);
    const again = await admin('token', 'revoke', 'auditor');
    expect([again.code, again.stderr]).toEqual([
      2,
      expect.stringMatching(/no valid token has the id or name auditor/),
    ]);
  });

  it('a new HIREPROOF_ADMIN_TOKEN revokes the one before it, for good', async () => {
    const rotated = `${ADMIN_TOKEN}-rotated`;
    const { url } = await restart(rotated);
    expect((await api(url, 'GET', '/v1/hires', undefined, asToken(rotated))).status).toBe(200);
    expect((await api(url, 'GET', '/v1/hires', undefined, asToken(ADMIN_TOKEN))).status).toBe(401);
    // Starting again with the old value does not bring it back.
    const back = await restart(ADMIN_TOKEN);
    expect((await api(back.url, 'GET', '/v1/hires', undefined, asToken(ADMIN_TOKEN))).status).toBe(401);
    expect((await api(back.url, 'GET', '/v1/hires', undefined, asToken(rotated))).status).toBe(200);
  });
});
