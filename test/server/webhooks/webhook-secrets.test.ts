import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../../server/webhooks/redact-url';
import { auditEntries } from '../../support/audit-log';
import { enrolDevice } from '../../support/device-under-test';
import { api, startTestServer, storages } from '../../support/hr-service';

const listen = async (handler: Parameters<typeof createServer>[1]) => {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

/**
 * A receiver's address often holds its own secret (a path token, a query key): the service names
 * receivers by origin alone in its errors, logs and audit trail. The signing secret is shown once
 * and stored sealed. A redirect is an answer, never followed.
 */
describe.each(storages)('webhook secrets on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let redirecting: Server;
  let elsewhere: Server;
  let origin = '';
  let followed = 0;
  const url = () => `${origin}/hooks/T0/B0/PATHSECRET123?token=QUERYSECRET456`;

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
    const target = await listen((_req, res) => {
      followed += 1;
      res.writeHead(204).end();
    });
    elsewhere = target.server;
    const receiver = await listen((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(307, { location: `${target.origin}/stolen` }).end());
    });
    redirecting = receiver.server;
    origin = receiver.origin;
  }, 60_000);
  afterAll(async () => {
    redirecting?.close();
    elsewhere?.close();
    await server?.close();
  });

  const lastErrors = async () =>
    (
      await server.context.db
        .selectFrom('jobs')
        .select('last_error')
        .where('kind', '=', 'webhook.deliver')
        .where('last_error', 'is not', null)
        .execute()
    ).map((j) => j.last_error!);

  it('shows the signing secret once and keeps it sealed; the audit trail names the origin only', async () => {
    const created = await api(server.url, 'POST', '/v1/webhooks', { url: url() });
    expect(created.status).toBe(201);
    const secret = String(created.json.secret);
    expect(secret).toMatch(/^whsec_/);
    const row = await server.context.db
      .selectFrom('webhooks')
      .select('sealed_secret')
      .where('id', '=', String(created.json.id))
      .executeTakeFirstOrThrow();
    expect(row.sealed_secret.includes(Buffer.from(secret))).toBe(false);
    expect(server.context.seal.open(row.sealed_secret).toString('utf8')).toBe(secret);
    expect(JSON.stringify((await api(server.url, 'GET', '/v1/webhooks/deliveries')).json)).not.toContain(
      secret,
    );
    expect(await auditEntries(server.context, 'webhook.create')).toEqual([
      {
        actor: 'token:bootstrap',
        action: 'webhook.create',
        target: created.json.id,
        detail: { receiver: `${origin}/…` },
      },
    ]);
  });

  it('does not follow a redirect, and its error names the receiver by origin', async () => {
    const device = await enrolDevice(server.url);
    expect((await device.post((await device.report()).jws)).status).toBe(201);
    await server.jobs.drain();
    expect(followed).toBe(0);
    const errors = await lastErrors();
    expect(errors).toEqual([`webhook ${origin}/… answered 307 (a redirect, not followed)`]);
    const deliveries = (await api(server.url, 'GET', '/v1/webhooks/deliveries')).json.deliveries;
    expect(deliveries).toEqual([expect.objectContaining({ lastStatus: 307, deliveredAt: null })]);
  });

  it('says why an unreachable receiver failed without its address', async () => {
    redirecting.close();
    redirecting.closeAllConnections();
    const device = await enrolDevice(server.url);
    await device.post((await device.report()).jws);
    await server.jobs.drain();
    const errors = await lastErrors();
    expect(errors).toContain(`webhook ${origin}/… answered nothing (ECONNREFUSED)`);
    for (const error of errors) expect(error).not.toMatch(/PATHSECRET|QUERYSECRET|hooks/);
  });
});

describe('a receiver’s address as shown', () => {
  it('keeps scheme, host and port; drops credentials, path and query', () => {
    expect(redactUrl('https://user:pw@hooks.example.com:8443/T0/B0/XXXX?token=abc')).toBe(
      'https://hooks.example.com:8443/…',
    );
    expect(redactUrl('https://hr.example.com/')).toBe('https://hr.example.com/');
    expect(redactUrl('https://hr.example.com')).toBe('https://hr.example.com/');
    expect(redactUrl('not a url')).toBe('(not a URL)');
  });
});
