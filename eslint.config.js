import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { processBoundary } from './lint/process-boundary.js';

/** Process boundaries are visible in folder names and enforced here. */
const nodeBuiltins = { group: ['node:*'], message: 'No Node APIs here: this code runs in every process.' };
const electron = {
  name: 'electron',
  message: 'Electron objects are passed in as parameters, never imported here.',
};

/**
 * What the server takes from main/ besides the contract, each shared rather than copied because the
 * server must judge exactly as the app does or write files exactly as carefully.
 */
const sharedWithServer = [
  // The server re-runs every check on a report's observations with the app's own pure rules.
  'main/checks/',
  // Which probes each platform reads, so a fact that was never read is not taken for "nothing seen".
  'main/probes/registry',
  // The same face matcher, off the request loop, compares an ID photo with the camera's frames.
  'main/face/face-pool',
  // …and what the pool answers with: a frame's landmarks (liveness) and the error for bytes that are no image.
  'main/face/frame-landmarks',
  'main/face/face-image-error',
  // fsync of files and folders, so a rotated photo key survives a power cut.
  'main/data/durable-write',
  // Owner-only (0700) folders for the database and keys.
  'main/data/private-dir',
  // Finds files shipped in the package (models, the dashboard build) from source and from out/.
  'main/package-root',
];

/** Probe fact schemas are part of the contract (observations.ts); the probes' OS readers are not. */
const probeFactSchemas = [
  'main/probes/*/*',
  '!main/probes/*/linux',
  '!main/probes/*/darwin',
  '!main/probes/*/win32',
  '!main/probes/*/parse-*',
  '!main/probes/*/read-*',
];

const boundary = (options) => ({ 'house/process-boundary': ['error', options] });

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'coverage', 'test/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { plugins: { house: { rules: { 'process-boundary': processBoundary } } } },
  {
    // The rules of hooks; the plugin's React Compiler rules are left out, as the app does not use it.
    files: ['renderer/**', 'server/dashboard/ui/**', 'main/**/*.tsx', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs', 'bench/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // face-api is typed with DOM elements; in Node, @napi-rs/canvas objects stand in for them and are
    // cast at each call. Without DOM types those names are @types/react's empty interfaces, so the
    // casts look unnecessary, yet they are what marks the stand-in.
    files: ['main/face/node-face-api.ts', 'main/face/face-engine.ts', 'scripts/face/**'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Shared by main, preload, renderer and server: plain TypeScript, zod and jose only.
    files: ['main/contract/**'],
    rules: boundary({
      process: 'The contract',
      modules: ['main/contract/', 'main/reference/', ...probeFactSchemas],
      packages: ['zod', 'jose'],
    }),
  },
  {
    // The renderer is a web page: it reaches main only through window.hireproof.
    files: ['renderer/**'],
    rules: boundary({
      process: 'The renderer',
      modules: ['renderer/', 'main/contract/'],
      packages: 'no-node',
    }),
  },
  {
    // The dashboard is a web page: it reaches the server only through the HR API.
    files: ['server/dashboard/ui/**'],
    rules: boundary({
      process: 'The dashboard',
      // A report's evidence reads the same to HR as it did to the hire.
      modules: ['server/dashboard/ui/', 'main/contract/', 'renderer/ui/EvidenceTable'],
      packages: 'no-node',
    }),
  },
  {
    files: ['server/**'],
    ignores: ['server/dashboard/ui/**'],
    rules: boundary({
      process: 'The server',
      modules: ['server/', 'main/contract/', ...sharedWithServer],
      packages: 'any',
    }),
  },
  {
    // Only the entry files import electron; every other module gets Electron objects as parameters.
    files: ['main/**'],
    ignores: [
      'main/app/main.ts',
      'main/preload/index.ts',
      'main/contract/**',
      'main/checks/**',
      'main/probes/**',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [{ ...electron, allowTypeImports: true }] }] },
  },
  {
    // The page's side of the bridge runs in the web page, beside the renderer.
    files: ['main/ipc/bridge.ts', 'main/browser-shell/page-bridge.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins], paths: [electron] }] },
  },
  {
    // Checks are pure rules over probe facts; only probes touch the OS.
    files: ['main/checks/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins], paths: [electron] }] },
  },
  {
    files: ['main/probes/**'],
    ignores: [
      'main/probes/**/linux.ts',
      'main/probes/**/darwin.ts',
      'main/probes/**/win32.ts',
      'main/probes/host.ts',
      // The host's lock: which system programs it runs, and with what environment.
      'main/probes/system-commands.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins], paths: [electron] }] },
  },
);
