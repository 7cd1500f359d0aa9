import { describe, expect, it } from 'vitest';
import type { Point } from '../../main/contract/face-pose';
import { faceGeometry } from '../../main/contract/face-geometry';
import type { LivenessChallenge } from '../../main/contract/liveness';
import {
  depthChallenges,
  drawChallenges,
  LivenessSession,
  livenessRules,
  type LivenessFrame,
  type LivenessState,
} from '../../main/contract/liveness';
import { nonPlanarMotion } from '../../main/contract/planar-motion';
import { closeEyes, frontalFace, jitter, movePhoto, points, smile, turnHead, videoTrace } from './head-model';

/** 10 frames/s, as the browser's liveness loop runs (≥ 8 measured). */
const frameMs = 100;
/** Landmark jitter of the 68-point net between frames of a still face, in eye distances. */
const sigma = 0.01;

/** Plays faces as frames: a still frontal face to settle on, then `motion` (one entry per frame). */
function play(challenges: LivenessChallenge[], motion: (Point[] | null)[], settle = 5): LivenessState {
  const session = new LivenessSession(challenges);
  const frames: (Point[] | null)[] = [...Array.from({ length: settle }, () => frontalFace), ...motion];
  let state = session.state;
  frames.forEach((face, i) => {
    const frame: LivenessFrame = {
      t: 1000 + i * frameMs,
      faces: face ? 1 : 0,
      landmarks: face ? jitter(face, sigma, i + 1) : null,
    };
    state = session.observe(frame);
  });
  return state;
}

/** `n` frames easing from 0 to `to` and back (a head turn and return), over `n` × 100 ms. */
const sweep = (n: number, to: number) =>
  Array.from({ length: n }, (_, i) => to * Math.sin((Math.PI * (i + 1)) / (n + 1)));
const still = (n: number, face: Point[] = frontalFace) => Array.from({ length: n }, () => face);
const results = (state: LivenessState) => {
  if (state.phase !== 'done') throw new Error(`session still ${state.phase}`);
  return state.results;
};
/** Enough frames for every challenge to settle and time out. */
const timeoutFrames = (livenessRules.timeLimitMs + livenessRules.settleLimitMs) / frameMs + 10;

describe('drawChallenges', () => {
  it('draws three different movements, always one that proves depth, never blink, every order possible', () => {
    const seen = new Set<string>();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 400; i++) {
      const drawn = drawChallenges(random);
      expect(new Set(drawn).size).toBe(3);
      expect(drawn.some((c) => depthChallenges.includes(c))).toBe(true);
      expect(drawn).not.toContain('blink');
      seen.add(drawn.join(','));
    }
    // 4 × 3 × 2 ordered draws of turn-left, turn-right, look-up and smile.
    expect(seen.size).toBe(24);
  });

  it('a single movement is always a depth movement', () => {
    for (let i = 0; i < 50; i++) expect(depthChallenges).toContain(drawChallenges(Math.random, 1)[0]);
  });

  it('refuses to draw more than exist', () => {
    expect(() => drawChallenges(Math.random, 5)).toThrow(/between 1 and 4/);
  });
});

describe('LivenessSession on turns built from the model geometry', () => {
  it('passes a 25° turn in the asked direction, whichever way the head is tilted in the image', () => {
    for (const roll of [0, -20, 30]) {
      const left = sweep(12, 25).map((yaw) =>
        movePhoto(turnHead(frontalFace, { yaw }), { roll, distance: 1e9 }),
      );
      const right = sweep(12, -25).map((yaw) =>
        movePhoto(turnHead(frontalFace, { yaw }), { roll, distance: 1e9 }),
      );
      const state = play(['turn-left', 'turn-right'], [...left, ...still(5), ...right]);
      expect(results(state).map((r) => [r.kind, r.passed])).toEqual([
        ['turn-left', true],
        ['turn-right', true],
      ]);
    }
  });

  it('fails a turn the wrong way', () => {
    const [result] = results(
      play(
        ['turn-left'],
        sweep(12, -25).map((yaw) => turnHead(frontalFace, { yaw })),
      ),
    );
    expect(result).toMatchObject({ passed: false, reason: expect.stringMatching(/other way/) as string });
  });

  it('fails a turn too small to be a deliberate one (8°)', () => {
    const [result] = results(
      play(
        ['turn-right'],
        [...sweep(12, -8).map((yaw) => turnHead(frontalFace, { yaw })), ...still(timeoutFrames)],
      ),
    );
    expect(result).toMatchObject({ passed: false, reason: expect.stringMatching(/no response/) as string });
  });

  it('passes looking up, and a photo squeezed upright (tilted back, seen from afar) does not', () => {
    const up = sweep(12, 25).map((pitch) => turnHead(frontalFace, { pitch }));
    expect(results(play(['look-up'], up))[0]).toMatchObject({ kind: 'look-up', passed: true });
    // Tilting a flat photo back shortens the face as looking up does, but every proportion along it stays.
    const tilted = sweep(12, 0.75).map((s) => movePhoto(frontalFace, { squeeze: 1 - s * 0.4 }));
    expect(results(play(['look-up'], [...tilted, ...still(timeoutFrames)]))[0]).toMatchObject({
      passed: false,
    });
  });

  it('passes a blink, but not a photo squeezed flat', () => {
    const blink = [0.3, 0.8, 1, 0.7, 0.2, 0, 0].map((c) => closeEyes(frontalFace, c));
    expect(results(play(['blink'], blink))[0]).toMatchObject({ kind: 'blink', passed: true });
    const squeezed = [0.8, 0.5, 0.3, 0.5, 0.8, 1].map((squeeze) => movePhoto(frontalFace, { squeeze }));
    expect(results(play(['blink'], [...squeezed, ...still(timeoutFrames)]))[0]).toMatchObject({
      passed: false,
    });
  });

  it('passes a smile', () => {
    const grin = [1.05, 1.12, 1.2, 1.25, 1.2].map((f) => smile(frontalFace, f));
    expect(results(play(['smile'], grin))[0]).toMatchObject({ kind: 'smile', passed: true });
  });

  it('fails a head turn when something else was asked (a looping clip of movements)', () => {
    const [result] = results(
      play(
        ['smile'],
        sweep(12, 30).map((yaw) => turnHead(frontalFace, { yaw })),
      ),
    );
    expect(result).toMatchObject({
      passed: false,
      reason: expect.stringMatching(/turned the head/) as string,
    });
  });
});

describe('LivenessSession on a photo', () => {
  it('fails every challenge for a still photo', () => {
    const state = play(['turn-left', 'blink', 'smile'], still(3 * timeoutFrames));
    expect(results(state).map((r) => r.passed)).toEqual([false, false, false]);
    expect(results(state)[0]!.reason).toMatch(/no response within 6 s/);
  });

  it('fails turns for a photo shifted, rotated and turned about its vertical axis up to 60°', () => {
    // 12.6 s of smooth motion, from the frontal photo back to it.
    const moved = Array.from({ length: 126 }, (_, i) =>
      movePhoto(frontalFace, {
        tilt: 60 * Math.sin(i / 8),
        distance: 4,
        roll: 20 * Math.sin(i / 4),
        shift: { x: 40 * Math.sin(i / 8), y: 20 * Math.sin(i / 4) },
      }),
    );
    // The perspective alone moves faceYaw past the turn threshold…
    const yaws = moved.map((face) => faceGeometry(face).yaw - faceGeometry(frontalFace).yaw);
    expect(Math.max(...yaws.map(Math.abs))).toBeGreaterThan(livenessRules.turn);
    // …but the nose never leaves the photo's plane.
    const state = play(['turn-left', 'turn-right'], [...moved, ...still(2 * timeoutFrames)]);
    expect(results(state).map((r) => [r.passed, r.reason])).toEqual([
      [false, expect.stringMatching(/no response/)],
      [false, expect.stringMatching(/no response/)],
    ]);
  });

  it('fails turns for a photo that keeps moving while the session takes its baseline', () => {
    const session = new LivenessSession(['turn-left', 'turn-right']);
    // Frames far apart (a slow machine), each a differently warped view of the same flat photo.
    for (let i = 0; i < 200 && session.state.phase !== 'done'; i++) {
      const face = movePhoto(frontalFace, {
        tilt: 45 * Math.sin(i * 1.3),
        distance: 4,
        roll: 15 * Math.cos(i * 0.9),
      });
      session.observe({ t: i * 250, faces: 1, landmarks: jitter(face, sigma, i + 1) });
    }
    expect(results(session.state).map((r) => r.passed)).toEqual([false, false]);
  });

  it('does not take one misread frame for a turn', () => {
    // Now and then the landmark net fits a small, side-on face to the photo for a single frame.
    const misread = movePhoto(turnHead(frontalFace, { yaw: 60 }), { roll: 10 });
    const shrunk = misread.map((p, i) => ({ x: p.x + (frontalFace[i]!.x - p.x) * 0.5, y: p.y }));
    for (const glitch of [misread, shrunk, turnHead(frontalFace, { yaw: 35 })]) {
      const [result] = results(play(['turn-left'], [...still(5), glitch, ...still(timeoutFrames)]));
      expect(result).toMatchObject({ passed: false, reason: expect.stringMatching(/no response/) as string });
    }
  });

  it('fails when the face leaves the view or jumps to another place', () => {
    const gone = results(play(['turn-left'], [null, ...Array.from({ length: 20 }, () => null)]))[0]!;
    expect(gone).toMatchObject({ passed: false, reason: 'the face left the view' });
    const jumped = results(
      play(['turn-left'], still(20, movePhoto(frontalFace, { shift: { x: 400, y: 0 } }))),
    )[0]!;
    expect(jumped).toMatchObject({ passed: false, reason: expect.stringMatching(/jumped/) as string });
  });

  it('fails the remaining challenges when the hire asks for a human check', () => {
    const session = new LivenessSession(['blink', 'smile']);
    session.observe({ t: 0, faces: 1, landmarks: frontalFace });
    const state = session.abandon(500, 'asked for a human check');
    expect(results(state).map((r) => [r.passed, r.reason])).toEqual([
      [false, 'asked for a human check'],
      [false, 'asked for a human check'],
    ]);
  });

  it('says what is wrong with a bad frame instead of crashing', () => {
    const session = new LivenessSession(['blink']);
    expect(() => session.observe({ t: Number.NaN, faces: 1, landmarks: frontalFace })).toThrow(
      /not a number/,
    );
    expect(session.observe({ t: 0, faces: 1, landmarks: frontalFace.slice(0, 10) })).toMatchObject({
      phase: 'settling',
    });
    expect(() => new LivenessSession([])).toThrow(/at least one/);
  });
});

describe('real 3D motion recorded from the CC-BY clip', () => {
  const base = (person: number) => points(videoTrace.people[person]!.find((f) => f.landmarks)!.landmarks!);
  const faces = (person: number) =>
    videoTrace.people[person]!.filter((f) => f.landmarks).map((f) => points(f.landmarks!));

  it('swings the nose off the face plane as far as the turn asks, where the head turns', () => {
    for (const person of [0, 1]) {
      const turned = faces(person).filter(
        (face) => Math.abs(faceGeometry(face).yaw - faceGeometry(base(person)).yaw) >= 0.2,
      );
      expect(turned.length).toBeGreaterThan(0);
      for (const face of turned) {
        expect(nonPlanarMotion(base(person), face)).toBeGreaterThanOrEqual(livenessRules.minNonPlanar);
      }
    }
  });

  it('while the same face, moved as a flat picture with the same jitter, stays on its plane', () => {
    const face = base(0);
    for (let i = 0; i < 50; i++) {
      const moved = jitter(
        movePhoto(face, { tilt: 50 * Math.sin(i / 3), distance: 4, roll: 25 * Math.sin(i / 4) }),
        sigma,
        i + 1,
      );
      expect(nonPlanarMotion(face, moved)).toBeLessThan(livenessRules.minNonPlanar);
    }
  });

  it('is not called a turn: she turned by at most 0.24, under what a prompt asks', () => {
    const session = new LivenessSession(['turn-right', 'turn-left']);
    for (const frame of videoTrace.people[0]!) {
      session.observe({
        t: frame.t,
        faces: frame.faces,
        landmarks: frame.landmarks && points(frame.landmarks),
      });
    }
    expect(session.state).toMatchObject({ phase: 'challenge', index: 0 });
  });
});
