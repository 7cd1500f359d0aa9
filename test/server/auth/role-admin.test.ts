import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start-server';
import { auditEntries } from '../../support/audit-log';
import { hireproof } from '../../support/cli';
import { ADMIN_TOKEN, api } from '../../support/hr-service';

/** Roles from the server's machine: a token made for a role, and roles assigned to people by email. */
describe('assigning roles with hireproof admin', () => {
  let dataDir = '';
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const admin = (...args: string[]) => hireproof(['admin', ...args, '--data', dataDir]);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hireproof-roles-'));
    server = await startServer({ port: 0, dataDir, adminToken: ADMIN_TOKEN, runJobs: false });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('makes a token that acts in its role, and refuses a role that does not exist', async () => {
    const created = await admin('token', 'create', '--name', 'review-bot', '--role', 'reviewer');
    const token = created.stdout.trim();
    const who = await api(server!.url, 'GET', '/v1/session', undefined, { authorization: `Bearer ${token}` });
    expect(who.json).toEqual({ actor: 'token:review-bot', role: 'reviewer', emailsHires: false });
    const create = await api(server!.url, 'POST', '/v1/hires', {}, { authorization: `Bearer ${token}` });
    expect([create.status, create.json.error?.code]).toEqual([403, 'auth.role']);
    expect((await admin('token', 'list')).stdout).toMatch(/ {2}review-bot {2}reviewer {2}created /);
    const wrong = await admin('token', 'create', '--role', 'superuser');
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('superuser is not a role')]);
  });

  it('assigns a person a role by email, lists it, and removes it, audited', async () => {
    expect((await admin('role', 'set', 'Ivan@Acme.test', 'it-helpdesk')).code).toBe(0);
    expect((await admin('role', 'list')).stdout).toMatch(
      /^ivan@acme\.test {2}it-helpdesk {2}assigned \S+\n$/,
    );
    expect((await admin('role', 'remove', 'ivan@acme.test')).code).toBe(0);
    expect((await admin('role', 'list')).stdout).toBe('');
    const entries = [
      ...(await auditEntries(server!.context, 'role.assign')),
      ...(await auditEntries(server!.context, 'role.remove')),
    ];
    expect(entries.map((e) => [e.actor, e.target, e.detail])).toEqual([
      ['admin-cli', 'ivan@acme.test', { role: 'it-helpdesk' }],
      ['admin-cli', 'ivan@acme.test', {}],
    ]);
  });
});
