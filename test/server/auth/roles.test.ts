import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrApi, Role, type HrApi } from '../../../main/contract/hr-api';
import { hrRoles } from '../../../main/contract/hr-roles';
import { createAdminToken } from '../../../server/auth/admin-auth';
import { FACE_DETAILS_WITHHELD } from '../../../server/auth/face-details';
import { faceFrame } from '../../support/face-frame';
import { attestWithFace, enrolAsApp } from '../../support/hr-device';
import { api, createHire, startTestServer } from '../../support/hr-service';

type RouteName = keyof HrApi;
const guarded = (Object.keys(hrApi) as RouteName[]).filter((name) => hrRoles[name] !== 'anyone');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A request to a route as a role's token: unknown ids and empty bodies, as the guard runs first. */
function call(base: string, name: RouteName, token: string) {
  const endpoint = hrApi[name];
  const path = endpoint.path.replace(':id', UNKNOWN);
  return api(base, endpoint.method, path, endpoint.method === 'POST' ? {} : undefined, {
    authorization: `Bearer ${token}`,
  });
}

/**
 * Roles, enforced on every HR route by the one access hook: each role gets what the roles table
 * gives it and a 403 `auth.role` on everything else; no one gets anything without signing in.
 */
describe('roles on every HR route', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
    for (const role of Role.options)
      tokens[role] = await createAdminToken(server.context.db, `${role}-bot`, new Date(), role);
  });
  afterAll(async () => server?.close());

  it.each(guarded)('%s: no one without signing in', async (name) => {
    const endpoint = hrApi[name];
    const response = await api(
      server.url,
      endpoint.method,
      endpoint.path.replace(':id', UNKNOWN),
      undefined,
      {
        authorization: '',
      },
    );
    expect([response.status, response.json?.error?.code]).toEqual([401, 'auth.required']);
  });

  it.each(guarded.flatMap((name) => Role.options.map((role) => [name, role] as const)))(
    '%s as %s: as the roles table says',
    async (name, role) => {
      const response = await call(server.url, name, tokens[role]);
      const access = hrRoles[name];
      if (access !== 'anyone' && access.includes(role)) {
        // Let through: whatever the route makes of an unknown id or an empty body, not a refusal of the caller.
        expect(response.status).not.toBe(401);
        expect(response.status).not.toBe(403);
      } else expect([response.status, response.json?.error?.code]).toEqual([403, 'auth.role']);
    },
  );

  // A wrong table would fail these, whatever the table-driven cases above derive from it.
  it('keeps biometric data from IT helpdesk, and creating, erasing and webhooks from reviewers', async () => {
    const status = async (role: Role, method: string, path: string, body?: unknown) =>
      (await api(server.url, method, path, body, { authorization: `Bearer ${tokens[role]}` })).status;
    expect(await status('it-helpdesk', 'GET', `/v1/hires/${UNKNOWN}/photo`)).toBe(403);
    expect(await status('it-helpdesk', 'GET', `/v1/reports/${UNKNOWN}/frames`)).toBe(403);
    expect(await status('it-helpdesk', 'GET', '/v1/links')).toBe(403);
    expect(await status('it-helpdesk', 'POST', `/v1/reports/${UNKNOWN}/review`, {})).toBe(403);
    expect(await status('it-helpdesk', 'GET', '/v1/hires')).toBe(200);
    expect(await status('reviewer', 'POST', '/v1/hires', {})).toBe(403);
    expect(await status('reviewer', 'DELETE', `/v1/hires/${UNKNOWN}`)).toBe(403);
    expect(await status('reviewer', 'POST', '/v1/webhooks', { url: 'https://example.com/' })).toBe(403);
    expect(await status('reviewer', 'GET', '/v1/export.csv')).toBe(403);
    expect(await status('reviewer', 'HEAD', '/v1/export.csv')).toBe(403);
    expect(await status('it-helpdesk', 'HEAD', `/v1/hires/${UNKNOWN}/photo`)).toBe(403);
    expect(
      await status('reviewer', 'POST', `/v1/reports/${UNKNOWN}/review`, { decision: 'pass', note: 'ok' }),
    ).toBe(404);
    expect(await status('hr-admin', 'POST', '/v1/webhooks', { url: 'https://example.com/' })).toBe(201);
  });

  it('shows IT helpdesk that a face check counted, without what it measured', async () => {
    const hire = await createHire(server.url, {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: 'test/fixtures/faces/obama/1.jpg',
    });
    const device = await enrolAsApp(server.url, hire.code, 'laptop');
    const sent = await attestWithFace(device, 'laptop', [await faceFrame('test/fixtures/faces/obama/3.jpg')]);
    // The server's face re-check: its verdict's reasons name what it measured.
    await server.jobs.drain();
    const reasonsAs = async (role: Role) => {
      const seen = await api(server.url, 'GET', `/v1/hires/${hire.id}`, undefined, {
        authorization: `Bearer ${tokens[role]}`,
      });
      const reports = seen.json.reports as { id: string; reasons: { check: string; message: string }[] }[];
      const report = await api(server.url, 'GET', `/v1/reports/${sent.reportId}`, undefined, {
        authorization: `Bearer ${tokens[role]}`,
      });
      return {
        onHire: reports
          .find((r) => r.id === sent.reportId)!
          .reasons.filter((r) => r.check.startsWith('face.')),
        onReport: (report.json.reasons as { check: string; message: string }[]).filter((r) =>
          r.check.startsWith('face.'),
        ),
      };
    };
    const full = await reasonsAs('reviewer');
    expect(full.onHire.length).toBeGreaterThan(0);
    // A reviewer reads the measurement (a distance) the re-check gave.
    expect(full.onHire.some((r) => r.check === 'face.match' && /\d\.\d/.test(r.message))).toBe(true);
    const reduced = await reasonsAs('it-helpdesk');
    const withheld = full.onHire.map((r) => ({ check: r.check, message: FACE_DETAILS_WITHHELD }));
    expect(reduced).toEqual({ onHire: withheld, onReport: withheld });
  }, 60_000);

  it('says who is signed in and as what', async () => {
    const who = await api(server.url, 'GET', '/v1/session', undefined, {
      authorization: `Bearer ${tokens.reviewer}`,
    });
    expect(who.json).toEqual({ actor: 'token:reviewer-bot', role: 'reviewer', emailsHires: false });
  });
});
