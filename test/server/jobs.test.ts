import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer } from '../support/hr-service';
import { enrolDevice } from '../support/device-under-test';
import { faceFrame } from '../support/face-frame';
import { ASTRONAUT, astronautHead, cameraEvidence } from '../support/live-face';
import type { TurningHead } from '../support/turning-head';

/** A clock the test moves by hand, so retries and retention happen without waiting. */
function testClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
}

describe('work off the request path', () => {
  const clock = testClock();
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let receiver: Server;
  let receiverUrl = '';
  const received: { headers: Record<string, string>; body: string; status: number }[] = [];
  let failuresLeft = 1;
  let head: TurningHead;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false, now: clock.now });
    head = await astronautHead(server.context.faces);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const status = failuresLeft-- > 0 ? 500 : 204;
        received.push({ headers: req.headers as Record<string, string>, body, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  }, 60_000);
  afterAll(async () => {
    receiver?.close();
    await server?.close();
  });

  const onboarding = async (device: Awaited<ReturnType<typeof enrolDevice>>, frame: string) =>
    device.report({
      kind: 'onboarding',
      consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: true },
      input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
      face: {
        camera: { label: 'Integrated Camera (04f2:b6ea)', id: 'cam-1' },
        backend: 'wasm',
        frames: [Buffer.from(await faceFrame(frame, 480)).toString('base64')],
        match: null,
        humanCheckRequested: false,
      },
      liveness: { passed: true, challenges: [{ kind: 'blink', passed: true, ms: 900 }], trace: [] },
    });

  it("re-runs the face match on the report's frames and decides with it", async () => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    const same = await device.post((await device.report(cameraEvidence(head))).jws);
    expect(same.json).toMatchObject({ verdict: 'pass', pending: ['face.match', 'face.liveness'] });
    const other = await device.post((await onboarding(device, 'test/fixtures/faces/biden/1.jpg')).jws);
    expect(other.json.pending).toEqual(['face.match', 'face.liveness']);
    await server.jobs.drain();
    const view = await api(server.url, 'GET', `/v1/hires/${device.hireId}`);
    const reports = view.json.reports as {
      id: string;
      verdict: string;
      faceStatus: string;
      reasons: { check: string; message: string }[];
    }[];
    const byId = new Map(reports.map((r) => [r.id, r]));
    expect(byId.get(String(same.json.reportId))).toMatchObject({ verdict: 'pass', faceStatus: 'done' });
    expect(byId.get(String(same.json.reportId))?.reasons[0]?.message).toMatch(
      /server re-check: match \(distance 0\.\d+/,
    );
    expect(byId.get(String(other.json.reportId))).toMatchObject({ verdict: 'fail', faceStatus: 'done' });
    expect(byId.get(String(other.json.reportId))?.reasons[0]?.message).toMatch(/server re-check: no-match/);
  }, 60_000);

  it('POSTs each final verdict to a registered webhook, signed, retrying after a failure', async () => {
    const hook = await api(server.url, 'POST', '/v1/webhooks', { url: receiverUrl });
    expect(hook.status).toBe(201);
    const device = await enrolDevice(server.url);
    const sent = await device.post((await device.report()).jws);
    await server.jobs.drain();
    expect(received.map((r) => r.status)).toEqual([500]);
    clock.advance(2_000);
    await server.jobs.drain();
    expect(received.map((r) => r.status)).toEqual([500, 204]);
    const delivered = received[1]!;
    const event = new Webhook(String(hook.json.secret)).verify(delivered.body, delivered.headers) as {
      type: string;
      data: { reportId: string; verdict: string };
    };
    expect(event).toMatchObject({
      type: 'report.verdict',
      data: { reportId: sent.json.reportId, verdict: 'pass' },
    });
    expect(() =>
      new Webhook(String(hook.json.secret)).verify(delivered.body.replace('pass', 'fail'), delivered.headers),
    ).toThrow();
    const deliveries = await api(server.url, 'GET', '/v1/webhooks/deliveries');
    expect(deliveries.json.deliveries).toContainEqual(
      expect.objectContaining({ reportId: sent.json.reportId, attempts: 2, lastStatus: 204 }),
    );
  });

  it('deletes ID photos and face frames once the retention period after verification has passed', async () => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    await device.post((await device.report(cameraEvidence(head))).jws);
    await server.jobs.drain();
    const row = () =>
      server.context.db
        .selectFrom('hires')
        .select(['id_photo', 'photos_deleted_at', 'verified_at'])
        .where('id', '=', device.hireId)
        .executeTakeFirstOrThrow();
    expect((await row()).verified_at).not.toBeNull();
    await server.context.jobs.enqueue('retention.sweep', {});
    await server.jobs.drain();
    expect((await row()).id_photo).not.toBeNull();
    clock.advance(31 * 86_400_000);
    await server.context.jobs.enqueue('retention.sweep', {});
    await server.jobs.drain();
    const after = await row();
    expect(after.id_photo).toBeNull();
    expect(after.photos_deleted_at).not.toBeNull();
    const frames = await server.context.db
      .selectFrom('reports')
      .select('frames')
      .where('hire_id', '=', device.hireId)
      .execute();
    expect(frames.every((f) => f.frames === null)).toBe(true);
    const audit = await server.context.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', device.hireId)
      .where('action', '=', 'retention.delete-biometrics')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
