import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer } from '../support/hr-service';

const ENDPOINTS: [string, string][] = [
  ['POST', '/v1/hires'],
  ['POST', '/v1/enrolments'],
  ['POST', '/v1/challenges'],
  ['POST', '/v1/reports'],
  ['POST', '/v1/webhooks'],
  ['POST', '/v1/session'],
  ['POST', `/v1/reports/${crypto.randomUUID()}/review`],
];

/** Random bodies at every endpoint: never a 5xx, and the server keeps answering. */
describe('fuzzing the HR service', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false, addressPerMinute: 100_000 });
  }, 60_000);
  afterAll(async () => server?.close());

  it('never answers 5xx to random JSON, text or JOSE-looking bodies', async () => {
    const body = fc.oneof(
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
      fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((parts) => parts.join('.')),
      fc
        .record({
          code: fc.string(),
          publicKey: fc.anything(),
          identity: fc.anything(),
          deviceId: fc.string(),
          token: fc.string(),
          name: fc.string(),
          email: fc.string(),
          idPhoto: fc.base64String(),
        })
        .map((o) => JSON.stringify(o)),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/jose',
      'text/plain',
      'application/x-www-form-urlencoded',
    );
    const endpoint = fc.constantFrom(...ENDPOINTS);
    await fc.assert(
      fc.asyncProperty(endpoint, body, contentType, async ([method, path], payload, type) => {
        const response = await api(server.url, method, path, payload, { 'content-type': type });
        expect(response.status).toBeLessThan(500);
        expect(response.status).toBeGreaterThanOrEqual(200);
      }),
      { numRuns: 400 },
    );
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  }, 120_000);
});
