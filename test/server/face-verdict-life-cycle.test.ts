import { createCanvas } from '@napi-rs/canvas';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPayload } from '../../main/contract/report';
import { giveUpFaceJob, verifyFaceJob } from '../../server/face/verify-face-job';
import { jobRunner } from '../../server/jobs/job-runner';
import { enrolDevice } from '../support/device-under-test';
import { faceFrame } from '../support/face-frame';
import { api, startTestServer } from '../support/hr-service';
import { ASTRONAUT, astronautHead, cameraEvidence } from '../support/live-face';
import type { TurningHead } from '../support/turning-head';

type Device = Awaited<ReturnType<typeof enrolDevice>>;
type ReportView = {
  id: string;
  verdict: string;
  faceStatus: string;
  reasons: { check: string; message: string }[];
};

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const OBAMA = 'test/fixtures/faces/obama/1.jpg';
const OBAMA_AGAIN = 'test/fixtures/faces/obama/3.jpg';
const BIDEN = 'test/fixtures/faces/biden/1.jpg';

/** A webcam frame of an empty grey room: no face at all. */
const blankFrame = () => {
  const canvas = createCanvas(480, 360);
  const context = canvas.getContext('2d');
  context.fillStyle = 'rgb(120, 124, 118)';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return canvas.encode('jpeg', 85);
};

/** A few hundred bytes of valid PNG whose header declares 60 000 × 60 000 pixels (3.6 gigapixels). */
const hugePng = () => {
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(60_000, 0);
  header.writeUInt32BE(60_000, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(60_001 * 4))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/**
 * The server's face verdict from intake to the end of its job: pending until the job ends, never
 * verifying a hire meanwhile, a median over every frame, review (with the reason) whenever the job
 * cannot decide, and HR's review never overwritten.
 */
describe("the face job's life cycle", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let head: TurningHead;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
    head = await astronautHead(server.context.faces);
  }, 60_000);
  afterAll(async () => server?.close());

  const onboarding = (device: Device, frames: Uint8Array[], overrides: Partial<ReportPayload> = {}) =>
    device.report({
      consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: true },
      input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
      face: {
        camera: { label: 'Integrated Camera (04f2:b6ea)', id: 'cam-1' },
        backend: 'wasm',
        frames: frames.map(base64),
        match: null,
        humanCheckRequested: false,
      },
      liveness: { passed: true, challenges: [{ kind: 'turn-left', passed: true, ms: 900 }], trace: [] },
      ...overrides,
    });
  const hireOf = async (device: Device) =>
    (await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json as {
      status: string;
      verifiedAt: string | null;
      reports: ReportView[];
    };
  const reportOf = async (device: Device, id: unknown) =>
    (await hireOf(device)).reports.find((r) => r.id === id)!;
  const faceReason = (report: ReportView) => report.reasons.find((r) => r.check === 'face.match')?.message;
  /** Sends frames as an onboarding, lets the face job run, and returns the report as HR sees it. */
  const judged = async (frames: Uint8Array[]) => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const sent = await device.post((await onboarding(device, frames)).jws);
    expect(sent.json).toMatchObject({ pending: ['face.match', 'face.liveness'] });
    await server.jobs.drain();
    return { device, report: await reportOf(device, sent.json.reportId) };
  };

  /** A hire whose ID photo is the astronaut portrait, answering the camera step with the turning head. */
  const honest = async () => {
    const device = await enrolDevice(server.url, { client: 'app', photo: ASTRONAUT });
    const sent = await device.post((await device.report(cameraEvidence(head))).jws);
    expect(sent.json).toMatchObject({ pending: ['face.match', 'face.liveness'] });
    return { device, sent };
  };

  it('a verified hire is not verified while a new report waits on its face verdict', async () => {
    const { device } = await honest();
    await server.jobs.drain();
    expect((await hireOf(device)).status).toBe('verified');
    // The re-attestation falls due: the next challenge asks for the face again.
    await server.context.db
      .updateTable('devices')
      .set({ next_due_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', device.deviceId)
      .execute();
    const again = await device.post((await onboarding(device, [await faceFrame(BIDEN, 480)])).jws);
    expect(again.json).toMatchObject({ verdict: 'pass', pending: ['face.match', 'face.liveness'] });
    expect(await hireOf(device)).toMatchObject({ status: 'enrolled', verifiedAt: null });
    await server.jobs.drain();
    expect(await hireOf(device)).toMatchObject({ status: 'failed', verifiedAt: null });
  }, 60_000);

  it('the median decides over every frame: hire + impostor + empty room is no pass', async () => {
    const [hire, impostor, blank] = [
      await faceFrame(OBAMA, 480),
      await faceFrame(BIDEN, 480),
      await blankFrame(),
    ];
    const mixed = await judged([hire, impostor, blank]);
    expect(mixed.report.verdict).toBe('fail');
    expect(faceReason(mixed.report)).toMatch(/server re-check: no-match/);
    const lucky = await judged([hire, blank, blank]);
    expect(lucky.report.verdict).toBe('review');
    expect(faceReason(lucky.report)).toMatch(/server re-check: no-face/);
    const swapped = await judged([hire, await faceFrame(OBAMA_AGAIN, 480), impostor]);
    expect(swapped.report.verdict).toBe('review');
    expect(faceReason(swapped.report)).toMatch(
      /median frame matches, but 1 of 3 frame\(s\) show someone else/,
    );
  }, 120_000);

  it('an honest hire passes: the median frame matches and the server re-judged every movement', async () => {
    const { device, sent } = await honest();
    await server.jobs.drain();
    const report = await reportOf(device, sent.json.reportId);
    expect(report.verdict).toBe('pass');
    expect(faceReason(report)).toMatch(/server re-check: match/);
    expect(report.reasons.find((r) => r.check === 'face.liveness')?.message).toMatch(
      /server re-check: all 3 movements answered/,
    );
    expect(await hireOf(device)).toMatchObject({ status: 'verified' });
  }, 60_000);

  it('frames that are no image send the report to review, with the reason, at the first attempt', async () => {
    const { device, report } = await judged([await faceFrame(OBAMA, 480), Buffer.from('GIF89a not a frame')]);
    expect(report).toMatchObject({ verdict: 'review', faceStatus: 'done' });
    expect(faceReason(report)).toMatch(
      /1 of 2 frame\(s\) could not be read \(not a decodable image \(no PNG or JPEG/,
    );
    expect((await hireOf(device)).verifiedAt).toBeNull();
  }, 60_000);

  it('a PNG declaring 60 000 × 60 000 pixels is refused from its header, before any decoding', async () => {
    const png = hugePng();
    expect(png.length).toBeLessThan(4_000);
    const started = performance.now();
    const { report } = await judged([png]);
    expect(report).toMatchObject({ verdict: 'review', faceStatus: 'done' });
    expect(faceReason(report)).toMatch(/declares 60000×60000 pixels.*refused before decoding/);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('a job that runs out of time leaves the report in review with the reason; a late finish changes nothing', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const sent = await device.post((await onboarding(device, [await faceFrame(OBAMA, 480)])).jws);
    const impatient = jobRunner(server.context, {
      'face.verify': {
        handler: verifyFaceJob,
        giveUp: giveUpFaceJob,
        concurrency: 1,
        timeoutMs: 1,
        maxAttempts: 1,
      },
    });
    await impatient.drain();
    const given = await reportOf(device, sent.json.reportId);
    expect(given).toMatchObject({ verdict: 'review', faceStatus: 'done' });
    expect(faceReason(given)).toMatch(/gave up after 1 attempt\(s\): timed out after 1 ms/);
    expect((await hireOf(device)).status).toBe('review');
    // HR rejects it; the same job run again (a late attempt) must not touch HR's verdict.
    const reviewed = await api(server.url, 'POST', `/v1/reports/${String(sent.json.reportId)}/review`, {
      decision: 'fail',
      note: 'not the hire on the call',
    });
    expect(reviewed.status).toBe(200);
    await verifyFaceJob(
      {
        id: 'late',
        kind: 'face.verify',
        payload: { reportId: sent.json.reportId },
        attempts: 2,
        fairKey: device.hireId,
      },
      server.context,
    );
    expect(await reportOf(device, sent.json.reportId)).toMatchObject({ verdict: 'fail' });
    expect((await hireOf(device)).status).toBe('failed');
  }, 60_000);

  it('HR cannot settle a report while its face verdict is pending; once it lands, the review stands', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const sent = await device.post(
      (
        await onboarding(device, [await faceFrame(OBAMA, 480)], {
          input: { decision: 'suspect', score: 0.9, features: {}, humanCheckRequested: false },
        })
      ).jws,
    );
    expect(sent.json).toMatchObject({ verdict: 'review', pending: ['face.match', 'face.liveness'] });
    const path = `/v1/reports/${String(sent.json.reportId)}/review`;
    const early = await api(server.url, 'POST', path, { decision: 'pass', note: 'looked fine' });
    expect([early.status, early.json.error?.code]).toEqual([409, 'report.face-pending']);
    await server.jobs.drain();
    expect(await reportOf(device, sent.json.reportId)).toMatchObject({
      verdict: 'review',
      faceStatus: 'done',
    });
    const settled = await api(server.url, 'POST', path, {
      decision: 'pass',
      note: 'typing checked on a call',
    });
    expect(settled.status).toBe(200);
    expect(await hireOf(device)).toMatchObject({ status: 'verified' });
  }, 60_000);
});
