import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceAuthorization } from '../../main/identity/sign-request';
import { softwareSigner } from '../../main/identity/software-signer';
import { memoryLimiter } from '../../server/http/limiter';
import { enrolDevice } from '../support/device-under-test';
import { ADMIN_TOKEN, api, freshPostgres, postgresUrl, startTestServer } from '../support/hr-service';

type Server = Awaited<ReturnType<typeof startTestServer>>;
/** A device of the test that knows which server it talks to. */
type Device = Awaited<ReturnType<typeof enrolDevice>> & { signedBase: string };

/** A request as if relayed by the TLS proxy for `client` (believed only from a trusted proxy). */
const from = (client: string, headers: Record<string, string> = {}) => ({
  'x-forwarded-for': client,
  ...headers,
});

const challenge = (device: Device, headers: Record<string, string> = {}) =>
  deviceAuthorization(device.signer, { method: 'POST', path: '/v1/challenges', body: '{}' }).then(
    (authorization) => api(device.signedBase, 'POST', '/v1/challenges', {}, { ...headers, authorization }),
  );

const enrolled = async (server: Server): Promise<Device> => ({
  ...(await enrolDevice(server.url)),
  signedBase: server.url,
});

/** Junk a stranger can send: a "report" whose header segment is anything it likes. */
const junkReport = (server: Server, headers: Record<string, string> = {}) =>
  api(server.url, 'POST', '/v1/reports', `${randomBytes(12).toString('base64url')}.e30.c2ln`, {
    'content-type': 'application/jose',
    ...headers,
  });

describe('limits under hostile load', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      runJobs: false,
      devicePerMinute: 3,
      addressPerMinute: 5,
      // The test plays both the proxy (127.0.0.1) and the clients behind it.
      trustProxy: ['127.0.0.1'],
    });
  }, 60_000);
  afterAll(async () => server?.close());

  it("keys a device's allowance by the verified device: its own, whatever address it comes from", async () => {
    const [a, b] = [await enrolled(server), await enrolled(server)];
    const statuses = [];
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'])
      statuses.push((await challenge(a, from(client))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await challenge(a, from('198.51.100.5'));
    expect(limited.json.error?.code).toBe('rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await challenge(b, from('198.51.100.1'))).status).toBe(201);
  });

  it('counts junk reports against the address, whatever their header segment says', async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await junkReport(server, from('203.0.113.7'))).status);
    expect(statuses.slice(0, 5).every((s) => s === 400 || s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Another address has its own allowance.
    expect([400, 401]).toContain((await junkReport(server, from('203.0.113.8'))).status);
  });

  it("lets no third party spend a device's allowance: forged, replayed and copied requests are the sender's", async () => {
    const device = await enrolled(server);
    const stranger = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
    // The stranger knows the device's key id (it is in every request the device sends) and signs with its own key.
    const impostor = { ...stranger, thumbprint: device.signer.thumbprint };
    const forged = () =>
      deviceAuthorization(impostor, { method: 'POST', path: '/v1/challenges', body: '{}' }).then(
        (authorization) =>
          api(server.url, 'POST', '/v1/challenges', {}, { ...from('192.0.2.66'), authorization }),
      );
    const copied = await deviceAuthorization(device.signer, {
      method: 'POST',
      path: '/v1/challenges',
      body: '{}',
    });
    expect(
      (await api(server.url, 'POST', '/v1/challenges', {}, { ...from('192.0.2.1'), authorization: copied }))
        .status,
    ).toBe(201);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await forged()).json.error?.code);
    for (let i = 0; i < 4; i++)
      answers.push(
        (
          await api(
            server.url,
            'POST',
            '/v1/challenges',
            {},
            { ...from('192.0.2.66'), authorization: copied },
          )
        ).json.error?.code,
      );
    expect(answers.slice(0, 4)).toEqual(Array<string>(4).fill('device.bad-request-signature'));
    expect(answers.slice(4, 5)).toEqual(['device.request-replayed']);
    expect(answers.slice(5)).toEqual(['rate-limited', 'rate-limited', 'rate-limited']);
    // The device spent one of its three; it still has two.
    expect((await challenge(device, from('192.0.2.1'))).status).toBe(201);
    expect((await challenge(device, from('192.0.2.1'))).status).toBe(201);
    expect((await challenge(device, from('192.0.2.1'))).status).toBe(429);
  });

  it('refuses unproven requests from an address over its allowance, never a proven one from it', async () => {
    const device = await enrolled(server);
    for (let i = 0; i < 5; i++) await junkReport(server, from('192.0.2.99'));
    const enrolment = await api(
      server.url,
      'POST',
      '/v1/enrolments',
      { code: 'ABCD-EFGH-JKMN-PQRS' },
      from('192.0.2.99'),
    );
    expect([enrolment.status, enrolment.json.error?.code]).toEqual([429, 'rate-limited']);
    const signIn = await api(server.url, 'POST', '/v1/session', { token: ADMIN_TOKEN }, from('192.0.2.99'));
    expect(signIn.status).toBe(429);
    const wrongToken = await api(server.url, 'GET', '/v1/hires', undefined, {
      ...from('192.0.2.99'),
      authorization: 'Bearer hp_guess',
    });
    expect(wrongToken.status).toBe(429);
    // An HR token and a device's signature prove who is asking: the address does not matter.
    expect((await api(server.url, 'GET', '/v1/hires', undefined, from('192.0.2.99'))).status).toBe(200);
    expect((await challenge(device, from('192.0.2.99'))).status).toBe(201);
  });

  it('stays bounded under a flood of new keys, without forgetting a limited one', async () => {
    let now = Date.parse('2027-03-01T12:00:10.000Z');
    const limiter = memoryLimiter(() => now, 1_000);
    for (let i = 0; i < 4; i++) await limiter.take('device:victim', 3);
    expect(await limiter.over('device:victim', 3)).toBe(true);
    const flood = [];
    for (let i = 0; i < 5_200; i++)
      flood.push((await limiter.take(`address:10.0.${i >> 8}.${i & 255}`, 3)).allowed);
    // The first thousand keys are counted; the rest are refused until the minute ends. None reset the victim.
    expect(flood.filter(Boolean)).toHaveLength(999);
    expect(await limiter.over('device:victim', 3)).toBe(true);
    expect((await limiter.take('device:victim', 3)).allowed).toBe(false);
    now += 60_000;
    expect((await limiter.take('address:10.0.0.1', 3)).allowed).toBe(true);

    // Against the server: 1,200 junk reports from 1,200 addresses do not reset a limited device.
    const device = await enrolled(server);
    for (let i = 0; i < 3; i++) expect((await challenge(device, from('198.18.0.1'))).status).toBe(201);
    for (let round = 0; round < 20; round++)
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => junkReport(server, from(`198.19.${i}.${round}`))),
      );
    expect((await challenge(device, from('198.18.0.1'))).status).toBe(429);
  }, 60_000);
});

describe('behind a TLS proxy', () => {
  let direct: Server;
  let proxied: Server;
  beforeAll(async () => {
    direct = await startTestServer('sqlite', { runJobs: false, addressPerMinute: 3 });
    proxied = await startTestServer('sqlite', {
      runJobs: false,
      addressPerMinute: 3,
      trustProxy: ['127.0.0.0/8'],
    });
  }, 60_000);
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  // First: the next test uses up the direct server's allowance for 127.0.0.1.
  it('sets the session cookie Secure when the trusted proxy says the client used HTTPS, and only then', async () => {
    const cookieOf = async (server: Server) =>
      (
        await api(
          server.url,
          'POST',
          '/v1/session',
          { token: ADMIN_TOKEN },
          {
            ...from('198.51.100.77'),
            'x-forwarded-proto': 'https',
          },
        )
      ).headers.get('set-cookie') ?? '';
    const behindProxy = await cookieOf(proxied);
    expect(behindProxy).toMatch(/hireproof_session=/);
    expect(behindProxy).toMatch(/; Secure/);
    expect(behindProxy).toMatch(/HttpOnly/);
    const spoofed = await cookieOf(direct);
    expect(spoofed).toMatch(/hireproof_session=/);
    expect(spoofed).not.toMatch(/Secure/);
  });

  it("ignores a client's own X-Forwarded-For unless it comes from the trusted proxy", async () => {
    const spoofed = [];
    for (let i = 0; i < 5; i++) spoofed.push((await junkReport(direct, from(`198.51.100.${i}`))).status);
    expect(spoofed.slice(3)).toEqual([429, 429]);
    const relayed = [];
    for (let i = 0; i < 5; i++) relayed.push((await junkReport(proxied, from(`198.51.100.${i}`))).status);
    expect(relayed.every((s) => s !== 429)).toBe(true);
    // The last address the trusted proxy adds is the client; what the client put before it is not believed.
    const chained = [];
    for (let i = 0; i < 5; i++)
      chained.push((await junkReport(proxied, from(`10.9.9.${i}, 198.51.100.200`))).status);
    expect(chained.slice(3)).toEqual([429, 429]);
  });
});

describe.runIf(postgresUrl())('limits shared by two servers on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let one: Server;
  let two: Server;
  beforeAll(async () => {
    database = await freshPostgres();
    const photoKey = Buffer.alloc(32, 7).toString('base64');
    const options = {
      databaseUrl: database.url,
      photoKey,
      runJobs: false,
      devicePerMinute: 3,
      addressPerMinute: 4,
    };
    one = await startTestServer('sqlite', options);
    two = await startTestServer('sqlite', options);
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('gives a device and an address one allowance across both servers', async () => {
    const device = await enrolled(one);
    const statuses = [];
    for (const server of [one, two, one, two])
      statuses.push((await challenge({ ...device, signedBase: server.url })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const junk = [];
    for (const server of [one, two, one, two, one, two]) junk.push((await junkReport(server)).status);
    expect(junk.slice(4)).toEqual([429, 429]);
  });
});

/** Opens a raw connection and writes `text`; resolves with what the server sent once it closed the connection. */
function stall(port: number, text: string): { socket: Socket; closed: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  socket.write(text);
  return { socket, closed: new Promise((resolve) => socket.once('close', () => resolve(received))) };
}

describe('stalled and crowding clients', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      runJobs: false,
      http: { headersMs: 400, requestMs: 800, idleMs: 10_000, checkEveryMs: 100, perAddress: 10 },
    });
    port = Number(new URL(server.url).port);
  }, 60_000);
  afterAll(async () => server?.close());

  it('cuts off a body that stalls, and one that trickles, and keeps serving', async () => {
    const head =
      'POST /v1/reports HTTP/1.1\r\nHost: hr\r\nContent-Type: application/jose\r\nContent-Length: 100000\r\n\r\n';
    const stalled = stall(port, `${head}eyJhbGciOi`);
    const trickled = stall(port, head);
    const drip = setInterval(() => trickled.socket.write('x'), 50);
    const [stalledAnswer, trickledAnswer] = await Promise.all([stalled.closed, trickled.closed]);
    clearInterval(drip);
    expect(stalledAnswer).toMatch(/^HTTP\/1\.1 408/);
    expect(trickledAnswer).toMatch(/^HTTP\/1\.1 408/);
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('cuts off headers that never end', async () => {
    const { closed } = stall(port, 'GET /healthz HTTP/1.1\r\nHost: hr\r\nX-Slow: ');
    expect(await closed).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('closes connections past the allowance of one address, and serves again once they go', async () => {
    const held = Array.from({ length: 10 }, () => stall(port, ''));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = stall(port, 'GET /healthz HTTP/1.1\r\nHost: hr\r\n\r\n');
    expect(await extra.closed).toBe('');
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  });
});
