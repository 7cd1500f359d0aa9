import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { committedFaces } from '../test/face/face-fixtures';
import { portraits, stillPhotoClip } from '../test/e2e/face/camera-clips';
import { launchWithFakeCamera } from '../test/e2e/face/chromium';
import { startHarnessServer } from '../test/e2e/face/harness-server';

/**
 * `npm run bench:face-browser`: ms per frame of the liveness loop (tiny detector + 68 landmarks on a
 * 640×480 camera frame) and per descriptor (SSD + landmarks + descriptor on a portrait), in Debian's
 * Chromium on tfjs's WASM backend, with and without cross-origin isolation (multi-threaded WASM),
 * and on WebGL forced onto this machine's software renderer, to show why WASM is the default.
 */
const frames = 80;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

const dir = await mkdtemp(join(tmpdir(), 'face-bench-'));
try {
  const clip = await stillPhotoClip(committedFaces, portraits.obama1, join(dir, 'camera.y4m'));
  console.log(`Chromium, fake camera 640×480, ${availableParallelism()} cores, ${frames} liveness frames`);
  console.log(
    '| cross-origin isolated (WASM threads) | backend | liveness loop ms/frame (median / p90) | frames/s | descriptor ms (median) |',
  );
  console.log('|---|---|---|---|---|');
  let webgl = '';
  const runs = [
    { isolated: true, backend: 'auto' },
    { isolated: false, backend: 'auto' },
    { isolated: true, backend: 'webgl' },
  ] as const;
  for (const { isolated, backend } of runs) {
    const server = await startHarnessServer({ isolated });
    const browser = await launchWithFakeCamera(clip);
    try {
      await browser.page.goto(server.url);
      const loaded = await browser.page.evaluate((b) => window.faceHarness.load(b), backend);
      const result = await browser.page.evaluate(
        (n) => window.faceHarness.bench(n, '/faces/obama/3.jpg'),
        frames,
      );
      const median = percentile(result.liveness, 0.5);
      console.log(
        `| ${loaded.crossOriginIsolated ? 'yes' : 'no'} | ${loaded.backend} (${backend}) | ` +
          `${median.toFixed(0)} / ${percentile(result.liveness, 0.9).toFixed(0)} | ${(1000 / median).toFixed(1)} | ` +
          `${percentile(result.descriptor, 0.5).toFixed(0)} |`,
      );
      webgl = loaded.webglRenderer;
    } finally {
      await browser.close();
      await server.close();
    }
  }
  console.log(`\nWebGL here: ${webgl}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
