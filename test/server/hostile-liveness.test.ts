import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depthChallenges } from '../../main/contract/liveness';
import type { MovementFrames } from '../../main/contract/report';
import { softwareSigner } from '../../main/identity/software-signer';
import { enrolDevice, identityOf } from '../support/device-under-test';
import { faceFrame } from '../support/face-frame';
import { api, startTestServer } from '../support/hr-service';
import { ASTRONAUT, astronautHead, cameraEvidence } from '../support/live-face';
import type { TurningHead } from '../support/turning-head';

/** A seeded [0, 1) source (Park–Miller), so each test server draws the same movements. */
const seeded = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

type Device = Awaited<ReturnType<typeof enrolDevice>>;
type ReportView = { id: string; verdict: string; reasons: { check: string; message: string }[] };

/**
 * The person at the keyboard claims liveness the camera never saw: the report says `passed: true`
 * for every movement, and the server, judging the frames itself, must not agree.
 */
describe('a hostile device claims liveness', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let head: TurningHead;
  let card: TurningHead;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false, random: seeded(14) });
    head = await astronautHead(server.context.faces);
    card = await astronautHead(server.context.faces, { flat: true });
  }, 60_000);
  afterAll(async () => server?.close());

  /** An astronaut hire's report, its movements altered, judged to the end of its face job. */
  const judged = async (from: TurningHead, alter: (m: MovementFrames[]) => MovementFrames[] = (m) => m) => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    const sent = await device.post((await device.report(cameraEvidence(from, alter))).jws);
    expect(sent.status).toBe(201);
    await server.jobs.drain();
    const hire = (await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json as {
      status: string;
      reports: ReportView[];
    };
    const report = hire.reports.find((r) => r.id === sent.json.reportId)!;
    return {
      device,
      hire,
      report,
      liveness: report.reasons.find((r) => r.check === 'face.liveness')?.message ?? '',
    };
  };
  const copies = (jpeg: string, of: MovementFrames) => ({
    ...of,
    frames: of.frames.map((f) => ({ ...f, jpeg })),
  });

  it('the server draws the movements: seeded, in random order, always one proving depth, never blink', async () => {
    const device: Device = await enrolDevice(server.url, { client: 'app' });
    const drawn = [];
    for (let i = 0; i < 12; i++) drawn.push((await device.challenge()).evidence.movements ?? []);
    for (const movements of drawn) {
      expect(movements).toHaveLength(3);
      expect(movements.some((m) => depthChallenges.includes(m))).toBe(true);
      expect(movements).not.toContain('blink');
    }
    expect(new Set(drawn.map((m) => m.join(','))).size).toBeGreaterThan(3);
  });

  it('the rendered head that really turns passes, on the server’s own judgement', async () => {
    const { report, hire, liveness } = await judged(head);
    expect(report.verdict).toBe('pass');
    expect(liveness).toMatch(/server re-check: all 3 movements answered/);
    expect(hire.status).toBe('verified');
  }, 120_000);

  it('copies of one frontal frame for every movement: refused as no motion', async () => {
    const still = Buffer.from(await head.frontal(7)).toString('base64');
    const { report, hire, liveness } = await judged(head, (movements) =>
      movements.map((m) => copies(still, m)),
    );
    expect(report.verdict).not.toBe('pass');
    expect(liveness).toMatch(/3 of 3 movements not answered/);
    expect(liveness).toMatch(/copies of one image: no motion/);
    expect(hire.status).not.toBe('verified');
  }, 120_000);

  it('a still photo seen by a live camera (every frame different noise, no motion): refused', async () => {
    const stills = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (i) => Buffer.from(await head.frontal(200 + i)).toString('base64')),
    );
    const { report, liveness } = await judged(head, (movements) =>
      movements.map((m) => ({
        ...m,
        frames: m.frames.slice(0, 6).map((f, i) => ({ ...f, jpeg: stills[i]! })),
      })),
    );
    expect(report.verdict).not.toBe('pass');
    expect(liveness).toMatch(/frames end before any response to the prompt/);
  }, 120_000);

  it('the same portrait as a flat card, turned and tilted the same way: refused', async () => {
    const { report, liveness } = await judged(card);
    expect(report.verdict).not.toBe('pass');
    // A smile is a 2D change a card can fake; every depth movement is refused.
    expect(liveness).toMatch(/movements not answered/);
    for (const kind of depthChallenges.filter((k) => liveness.includes(`${k}:`)))
      expect(liveness).toMatch(new RegExp(`${kind}: the frames end before any response`));
  }, 120_000);

  it('another face swapped in mid-movement: refused for the change of face', async () => {
    const other = Buffer.from(await faceFrame('test/fixtures/faces/biden/1.jpg', 256)).toString('base64');
    const { report, liveness } = await judged(head, ([first, ...rest]) => [
      { ...first!, frames: first!.frames.map((f, i) => (i >= 3 ? { ...f, jpeg: other } : f)) },
      ...rest,
    ]);
    expect(report.verdict).not.toBe('pass');
    expect(liveness).toMatch(/the face changed between frames/);
  }, 120_000);

  it('a movement frame that is no image sends the report to review', async () => {
    const junk = Buffer.from('GIF89a not a frame').toString('base64');
    const { report, liveness } = await judged(head, ([first, ...rest]) => [
      { ...first!, frames: [...first!.frames.slice(0, 5), { t: 900, jpeg: junk }] },
      ...rest,
    ]);
    expect(report.verdict).toBe('review');
    expect(liveness).toMatch(/a movement frame could not be read \(not a decodable image/);
  }, 120_000);

  it('no movement frames at all, only `passed: true`: review, the server has nothing to judge', async () => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    const claimOnly = async (challenge: Parameters<ReturnType<typeof cameraEvidence>>[0]) => {
      const evidence = await cameraEvidence(head)(challenge);
      const { movements: _dropped, ...liveness } = evidence.liveness!;
      return { ...evidence, liveness };
    };
    const sent = await device.post((await device.report(claimOnly)).jws);
    expect(sent.status).toBe(201);
    await server.jobs.drain();
    const hire = (await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json as {
      reports: ReportView[];
    };
    const report = hire.reports.find((r) => r.id === sent.json.reportId)!;
    expect(report.verdict).toBe('review');
    expect(report.reasons.find((r) => r.check === 'face.liveness')?.message).toMatch(
      /no movement frames to judge liveness on/,
    );
  }, 120_000);

  it('movements other than the ones asked for are refused as not answering the challenge', async () => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    const answer = await device.post(
      (
        await device.report(
          cameraEvidence(head, (movements) => movements.map((m) => ({ ...m, kind: 'smile' as const }))),
        )
      ).jws,
    );
    expect([answer.status, answer.json.error?.code]).toEqual([422, 'report.terms-mismatch']);
    expect(answer.json.error?.message).toMatch(
      /asked for the movements .*; the report answers smile, smile, smile/,
    );
  }, 60_000);

  it('no endpoint a device calls ever returns a face template', async () => {
    const signer = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
    const hire = await api(server.url, 'POST', '/v1/hires', {
      name: 'Template Probe',
      email: 'probe@example.com',
      idPhoto: (await readFile(ASTRONAUT)).toString('base64'),
    });
    const enrolled = await api(server.url, 'POST', '/v1/enrolments', {
      code: hire.json.code,
      publicKey: signer.publicJwk,
      client: 'app',
      identity: identityOf(),
      observedFrom: 'live',
    });
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    const challenge = await device.signed('POST', '/v1/challenges', {});
    const report = await device.post((await device.report(cameraEvidence(head))).jws);
    await server.jobs.drain();
    const schedule = await device.signed('GET', `/v1/devices/${device.deviceId}/schedule`);
    const answers = [enrolled, challenge, report, schedule];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 200]);
    /** A descriptor or embedding: a long run of numbers, or a key naming one. */
    const templateIn = (value: unknown): boolean =>
      Array.isArray(value)
        ? value.filter((v) => typeof v === 'number').length >= 64 || value.some(templateIn)
        : typeof value === 'object' && value !== null
          ? Object.entries(value).some(
              ([key, v]) => /descriptor|template|embedding/i.test(key) || templateIn(v),
            )
          : false;
    for (const answer of answers) expect(templateIn(answer.json), answer.text.slice(0, 200)).toBe(false);
  }, 120_000);
});
