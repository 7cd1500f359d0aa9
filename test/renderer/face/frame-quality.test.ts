import { describe, expect, it } from 'vitest';
import { faceGeometry } from '../../../main/contract/face-geometry';
import { frameQuality, frameQualityRules } from '../../../renderer/face/frame-quality';
import { measureImage } from '../../../renderer/face/image-measures';
import { isSoftwareRenderer } from '../../../renderer/face/gpu-renderer';
import { closeEyes, frontalFace } from '../../contract/head-model';

const frame = { width: 640, height: 480 };
const good = {
  box: { x: 220, y: 120, width: 200, height: 240 },
  geometry: faceGeometry(frontalFace),
  image: { brightness: 120, sharpness: 80 },
};

/** RGBA pixels from a luma function. */
function pixels(width: number, height: number, luma: (x: number, y: number) => number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([luma(x, y), luma(x, y), luma(x, y), 255], (y * width + x) * 4);
  }
  return data;
}

describe('frameQuality', () => {
  it('accepts one large, centred, lit, sharp face with open eyes', () => {
    expect(frameQuality([good], frame)).toEqual({ ok: true, problem: null, guidance: 'Good. Hold still.' });
  });

  it.each([
    ['no-face', [], /cannot see a face/],
    ['several-faces', [good, good], /more than one face/],
    ['too-far', [{ ...good, box: { ...good.box, width: 100 } }], /closer/],
    ['off-centre', [{ ...good, box: { ...good.box, x: 20 } }], /middle/],
    ['too-dark', [{ ...good, image: { brightness: 30, sharpness: 80 } }], /too dark/],
    ['too-bright', [{ ...good, image: { brightness: 240, sharpness: 80 } }], /too bright/],
    ['blurry', [{ ...good, image: { brightness: 120, sharpness: 5 } }], /blurred/],
    ['eyes-closed', [{ ...good, geometry: faceGeometry(closeEyes(frontalFace, 0.9)) }], /eyes open/],
  ])('says %s and how to fix it', (problem, faces, guidance) => {
    const quality = frameQuality(faces, frame);
    expect(quality).toMatchObject({ ok: false, problem });
    expect(quality.guidance).toMatch(guidance);
  });
});

describe('measureImage', () => {
  it('reads brightness, and tells a sharp pattern from a smooth one', () => {
    const grey = measureImage(
      pixels(32, 32, () => 100),
      32,
      32,
    );
    expect(grey).toEqual({ brightness: expect.closeTo(100, 3) as number, sharpness: 0 });
    const edges = measureImage(
      pixels(32, 32, (x, y) => (((x >> 2) + (y >> 2)) % 2 ? 200 : 40)),
      32,
      32,
    );
    const ramp = measureImage(
      pixels(32, 32, (x) => x * 6),
      32,
      32,
    );
    expect(edges.sharpness).toBeGreaterThan(frameQualityRules.minSharpness);
    expect(ramp.sharpness).toBeLessThan(frameQualityRules.minSharpness);
  });

  it('names a crop too small to measure', () => {
    expect(() => measureImage(new Uint8ClampedArray(8), 2, 1)).toThrow(/at least 3×3/);
  });
});

describe('isSoftwareRenderer', () => {
  it('does not count CPU-emulated WebGL as a GPU', () => {
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(
      false,
    );
  });
});
