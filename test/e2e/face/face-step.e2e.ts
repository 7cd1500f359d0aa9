import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LivenessChallenge, LivenessRules } from '../../../main/contract/liveness';
import { livenessRules } from '../../../main/contract/liveness';
import { FaceEvidence, LivenessEvidence } from '../../../main/contract/report';
import type { FaceStepResult } from '../../../renderer/face/face-step';
import { committedFaces } from '../../face/face-fixtures';
import { movedPhotoClip, portraits, stillPhotoClip, videoClip } from './camera-clips';
import { CHROMIUM } from '../../support/chromium';
import { launchWithFakeCamera, type FakeCameraBrowser } from './chromium';
import { startHarnessServer, type HarnessServer } from './harness-server';

/**
 * The camera step in Debian's Chromium with its fake camera playing clips made here with ffmpeg:
 * public-domain portraits held still or moved in the image plane, and the CC-BY clip of real faces.
 */
const video = new URL('../../../../shared/fixtures/video/video_01.mp4', import.meta.url).pathname;
/** Short prompts keep the suite quick; the judge is the same. */
const quick: Partial<LivenessRules> = { timeLimitMs: 2_500, settleLimitMs: 2_500 };

let server: HarnessServer;
let clips: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium missing at ${CHROMIUM}: apt-get install -y chromium`);
  execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  clips = await mkdtemp(join(tmpdir(), 'face-clips-'));
  server = await startHarnessServer();
});

afterAll(async () => {
  await server?.close();
  if (clips) await rm(clips, { recursive: true, force: true });
});

async function openHarness(clip: string | null): Promise<FakeCameraBrowser> {
  const browser = await launchWithFakeCamera(clip);
  await browser.page.goto(server.url);
  const loaded = await browser.page.evaluate(() => window.faceHarness.load());
  expect(loaded.backend).toBe('wasm');
  return browser;
}

async function runStep(
  browser: FakeCameraBrowser,
  challenges: LivenessChallenge[],
  rules: Partial<LivenessRules> = quick,
  relabel?: string[],
): Promise<FaceStepResult> {
  await browser.page.evaluate((options) => window.faceHarness.mount(options), {
    challenges,
    rules,
    ...(relabel ? { relabel } : {}),
  });
  await browser.page.getByRole('button', { name: 'Start the camera check' }).click();
  return browser.page.evaluate(() => window.faceHarness.result());
}

function checked(result: FaceStepResult) {
  if (result.outcome !== 'checked') throw new Error(`expected a finished check, got ${result.outcome}`);
  // What goes into the signed report fits its schema and size limits.
  FaceEvidence.parse(result.face);
  LivenessEvidence.parse(result.liveness);
  return result;
}

const maxNonPlanar = (result: FaceStepResult & { outcome: 'checked' }) =>
  Math.max(...result.liveness.trace.map((row) => row.nonPlanar ?? 0));

/**
 * Share of the prompts' frames whose nose left the face plane, leaving out each prompt's last frame
 * (a cut lands there). Landmark jitter lifts a flat photo's frame over the line now and then; a turn
 * also needs the yaw change, held over two frames.
 */
const offPlaneShare = (result: FaceStepResult & { outcome: 'checked' }) => {
  const frames = result.liveness.trace.filter((row, i, rows) => row.c! >= 0 && row.c === rows[i + 1]?.c);
  return frames.filter((row) => (row.nonPlanar ?? 0) >= livenessRules.minNonPlanar).length / frames.length;
};

/** Chromium start, model load and the prompts take 5–30 s; more on a busy CI machine. */
describe('camera step in Chromium (fake camera)', { timeout: 90_000 }, () => {
  it('a still photo fails liveness; its frames go to the server unjudged (the app holds no template)', async () => {
    const browser = await openHarness(
      await stillPhotoClip(committedFaces, portraits.obama3, join(clips, 'still.y4m')),
    );
    try {
      const result = checked(await runStep(browser, ['turn-left', 'blink', 'smile']));
      expect(result.liveness.passed).toBe(false);
      expect(result.liveness.challenges.map((c) => [c.kind, c.passed, c.reason])).toEqual([
        ['turn-left', false, 'no response within 2.5 s'],
        ['blink', false, 'no response within 2.5 s'],
        ['smile', false, 'no response within 2.5 s'],
      ]);
      expect(result.face).toMatchObject({
        backend: 'wasm',
        camera: { label: expect.stringContaining('still.y4m') as string },
        humanCheckRequested: false,
        match: null,
      });
      expect(result.face.frames).toHaveLength(3);
      // Instructions are text in a live region, for screen readers.
      const status = browser.page.getByRole('status');
      await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
      await expect(status.textContent()).resolves.toBe('The camera check did not succeed.');
    } finally {
      await browser.close();
    }
  });

  it('a photo shifted, rotated and perspective-warped in 2D fails the turns', async () => {
    const browser = await openHarness(
      await movedPhotoClip(committedFaces, portraits.obama3, join(clips, 'moved.y4m')),
    );
    try {
      const result = checked(await runStep(browser, ['turn-left', 'turn-right'], { timeLimitMs: 4_000 }));
      expect(result.liveness.challenges.map((c) => `${c.passed} ${c.reason}`)).toEqual([
        expect.stringMatching(/^false/),
        expect.stringMatching(/^false/),
      ]);
      expect(offPlaneShare(result)).toBeLessThan(0.05);
      console.log(
        `moved photo: ${(offPlaneShare(result) * 100).toFixed(1)}% of frames off the face plane, ` +
          `largest nose parallax ${maxNonPlanar(result)} (a turn needs ${livenessRules.minNonPlanar})`,
      );
    } finally {
      await browser.close();
    }
  });

  it('real faces moving in 3D (CC-BY clip) leave the plane; the looping clip is caught at its cut', async () => {
    const clip = await videoClip(video, { x: 0, y: 70, w: 224, h: 168 }, join(clips, 'real.y4m'));
    const browser = await openHarness(clip);
    try {
      const result = checked(await runStep(browser, ['turn-right', 'turn-left'], { timeLimitMs: 4_000 }));
      expect(offPlaneShare(result)).toBeGreaterThan(0.1);
      expect(result.liveness.challenges.map((c) => `${c.passed} ${c.reason}`)).toEqual([
        expect.stringMatching(/^false/),
        expect.stringMatching(/^false/),
      ]);
      expect(result.liveness.challenges.some((c) => /jumped/.test(c.reason ?? ''))).toBe(true);
      console.log(
        `real clip: ${(offPlaneShare(result) * 100).toFixed(1)}% of frames off the face plane; ` +
          result.liveness.challenges.map((c) => `${c.kind}: ${c.reason}`).join('; '),
      );
    } finally {
      await browser.close();
    }
  });

  it('refuses a camera whose label says it is virtual, and offers the human check', async () => {
    const browser = await openHarness(null);
    try {
      // Chromium's fake device is real to the page; only its label is replaced.
      const cameras = await browser.page.evaluate(() => window.faceHarness.cameras());
      expect(cameras).toHaveLength(1);
      const refused = await runStep(browser, ['blink'], quick, ['OBS Virtual Camera']);
      expect(refused).toMatchObject({
        outcome: 'no-camera',
        choice: {
          camera: null,
          refused: [{ deviceId: cameras[0]!.deviceId, label: 'OBS Virtual Camera' }],
        },
      });
      await expect(browser.page.getByRole('status').textContent()).resolves.toMatch(/known virtual camera/);
      await expect(
        browser.page.locator('video').evaluate((v: HTMLVideoElement) => v.srcObject),
      ).resolves.toBeNull();

      // The "can't do this" path is recorded, never a dead end.
      await browser.page.evaluate(() => window.faceHarness.mount({ challenges: ['blink'] }));
      await browser.page.getByRole('button', { name: /can’t do this/ }).click();
      const human = await browser.page.evaluate(() => window.faceHarness.result());
      expect(human).toMatchObject({ outcome: 'human-check', face: { humanCheckRequested: true } });
      if (human.outcome === 'human-check') FaceEvidence.parse(human.face);
    } finally {
      await browser.close();
    }
  });
});
