import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      minify: true,
      rolldownOptions: { input: 'renderer/index.html' },
    },
  },
});
