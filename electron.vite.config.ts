import { cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The face models the camera step loads (renderer/face/face-models.ts), nothing more of the package. */
const FACE_MODELS = ['tiny_face_detector', 'face_landmark_68', 'ssd_mobilenetv1', 'face_recognition'];
const TFJS_WASM = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/**
 * Puts the model weights and tfjs's .wasm files beside the camera step's document
 * (out/renderer/face/models, face/wasm), so the app never fetches them from the network.
 */
function faceAssets(outDir: string): Plugin {
  return {
    name: 'hireproof-face-assets',
    apply: 'build',
    closeBundle() {
      const models = join(outDir, 'face', 'models');
      const wasm = join(outDir, 'face', 'wasm');
      mkdirSync(models, { recursive: true });
      mkdirSync(wasm, { recursive: true });
      const modelDir = join(packageDir('@vladmandic/face-api'), 'model');
      for (const model of FACE_MODELS)
        for (const file of [`${model}_model-weights_manifest.json`, `${model}_model.bin`])
          cpSync(join(modelDir, file), join(models, file));
      const wasmDir = join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
      for (const file of TFJS_WASM) cpSync(join(wasmDir, file), join(wasm, file));
    },
  };
}

/** out/main (ESM entry out/main/index.js), out/preload (CommonJS, as the sandbox requires), out/renderer. */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: 'main/app/main.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: everything it uses is bundled into one file.
      externalizeDeps: false,
      lib: { entry: 'main/preload/index.ts', formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), faceAssets('out/renderer')],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      minify: true,
      // face-api with its bundled tfjs is one 1.3 MB chunk, loaded from disk by the camera step only.
      chunkSizeWarningLimit: 1_500,
      // The app's page, and the camera step's document (its own CSP lets the WASM backend run).
      rolldownOptions: { input: { index: 'renderer/index.html', face: 'renderer/face/index.html' } },
    },
  },
});
