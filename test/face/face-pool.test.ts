import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceMatchThresholds } from '../../main/contract/face-decision';
import { FaceReading } from '../../main/contract/face-reading';
import { serverFaceModel, templateDistance } from '../../main/contract/face-template';
import { FaceImageError } from '../../main/face/face-image-error';
import { startFacePool, type FacePool } from '../../main/face/face-pool';
import {
  committedFaces,
  faceBytes,
  noisePng,
  sharedFaces,
  storedSideways,
  twoFacesSideBySide,
} from './face-fixtures';

let pool: FacePool;
beforeAll(async () => {
  pool = startFacePool({ size: 2 });
  await pool.ready;
});
afterAll(() => pool.close());

const portrait = (file: string) => faceBytes(committedFaces, file);
const mugshot = (file: string) => faceBytes(sharedFaces, file);
const thresholds = faceMatchThresholds[serverFaceModel];

describe("face pool (face-api's detector and landmarks, the server's recognizer, WASM, worker threads)", () => {
  it('runs on the WASM backend, read back from tfjs', async () => {
    expect(await pool.ready).toEqual({ backend: 'wasm', workers: 2 });
  });

  it("reads a portrait into a 512-number template of the server's model, with a frontal pose", async () => {
    const reading = FaceReading.parse(await pool.descriptorOf(await portrait('obama/1.jpg')));
    if (!reading.usable) throw new Error(reading.detail);
    expect(reading.template.model).toBe('faceplugin-fr-feature@87aacdfe');
    expect(reading.template.vector).toHaveLength(512);
    expect(reading.pass).toBe('ssd');
    expect(Math.abs(reading.yaw)).toBeLessThan(0.3);
    expect(reading.box.width).toBeGreaterThan(150);
  });

  it('matches the same person across two official portraits', async () => {
    const result = await pool.compare(await portrait('obama/1.jpg'), await portrait('obama/3.jpg'));
    expect(result.decision).toBe('match');
    expect(result.distance).toBeLessThan(thresholds.match);
  });

  it('reads a photo stored sideways upright, as its EXIF orientation says', async () => {
    const sideways = await storedSideways(await portrait('obama/1.jpg'));
    const result = await pool.compare(await portrait('obama/3.jpg'), sideways);
    expect(result.decision).toBe('match');
  });

  it.each([
    ['meds_S006/1.jpg', 'meds_S006/2.jpg'],
    ['meds_S030/1.jpg', 'meds_S030/3.jpg'],
  ])('matches the same person across mugshots %s and %s', async (a, b) => {
    const result = await pool.compare(await mugshot(a), await mugshot(b));
    expect(result.decision).toBe('match');
  });

  it('does not match two people cropped from the same photograph', async () => {
    const result = await pool.compare(await portrait('obama/3.jpg'), await portrait('biden/1.jpg'));
    expect(result.decision).toBe('no-match');
    expect(result.distance).toBeGreaterThan(thresholds.review);
  });

  it('does not match different people in mugshots', async () => {
    const result = await pool.compare(await mugshot('meds_S006/1.jpg'), await mugshot('meds_S001/1.jpg'));
    expect(result.decision).toBe('no-match');
  });

  it('compares against a reading kept from enrolment', async () => {
    const enrolled = await pool.descriptorOf(await portrait('obama/1.jpg'));
    const again = await pool.compare(enrolled, await portrait('obama/3.jpg'));
    const direct = await pool.compare(await portrait('obama/1.jpg'), await portrait('obama/3.jpg'));
    expect(again).toEqual(direct);
  });

  it("gives face-api's descriptor and the server's template from one detection of the face", async () => {
    const bytes = await portrait('biden/1.jpg');
    const [arcface, faceApi] = await pool.readingsOf(bytes, [serverFaceModel, 'face-api-descriptor@1.7.15']);
    if (!arcface?.usable || !faceApi?.usable) throw new Error('biden/1.jpg has a usable face');
    expect(faceApi.box).toEqual(arcface.box);
    expect(faceApi.template.vector).toHaveLength(128);
    const again = await pool.readingsOf(bytes, ['face-api-descriptor@1.7.15']);
    expect(again[0]).toEqual(faceApi);
  });

  it.each([
    ['_distractors/meds_S011.jpg'],
    ['lfw/Darren_Campel/Darren_Campel_0001.jpg'],
    ['lfw/Matthew_Broderick/Matthew_Broderick_0001.jpg'],
  ])('finds the face SSD misses in %s with the second detector pass', async (file) => {
    expect(await pool.descriptorOf(await mugshot(file))).toMatchObject({ usable: true, pass: 'tiny' });
  });

  it('measures a face found by the second pass against another photo of the same person: review, not no-face', async () => {
    const [recovered, other] = await Promise.all([
      pool.descriptorOf(await mugshot('lfw/Nora_Bendijo/Nora_Bendijo_0001.jpg')),
      pool.descriptorOf(await mugshot('lfw/Nora_Bendijo/Nora_Bendijo_0002.jpg')),
    ]);
    if (!recovered.usable || !other.usable) throw new Error('both photos have a usable face');
    expect(recovered.pass).toBe('tiny');
    // 0.64 here: a human looks, where before the hire had no usable face at all.
    expect(templateDistance(recovered.template, other.template)).toBeLessThan(thresholds.review);
  });

  it('finds no face in noise', async () => {
    expect(await pool.descriptorOf(noisePng())).toMatchObject({ usable: false, reason: 'no-face' });
    const result = await pool.compare(await portrait('obama/1.jpg'), noisePng());
    expect(result).toMatchObject({ decision: 'no-face', distance: null });
    expect(result.reason).toMatch(/^probe: no face/);
  });

  it('refuses a picture with two people', async () => {
    const both = await twoFacesSideBySide(await portrait('obama/1.jpg'), await portrait('biden/1.jpg'));
    const reading = await pool.descriptorOf(both);
    expect(reading).toMatchObject({ usable: false, reason: 'several-faces' });
  });

  it('refuses a profile view before matching', async () => {
    const reading = await pool.descriptorOf(await mugshot('meds_S001/9.jpg'));
    expect(reading).toMatchObject({ usable: false, reason: 'profile' });
  });

  it('rejects bytes that are no image with a FaceImageError, and keeps working', async () => {
    await expect(pool.descriptorOf(new TextEncoder().encode('not a photo'))).rejects.toThrow(FaceImageError);
    await expect(pool.descriptorOf(new Uint8Array())).rejects.toThrow(/not a decodable image/);
    expect((await pool.descriptorOf(await portrait('biden/1.jpg'))).usable).toBe(true);
  });

  it('refuses work once closed', async () => {
    const closing = startFacePool({ size: 1 });
    await closing.close();
    await expect(closing.ready).rejects.toThrow(/closed/);
    await expect(closing.descriptorOf(noisePng())).rejects.toThrow(/closed/);
  });
});
