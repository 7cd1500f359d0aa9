import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Process boundaries are visible in folder names and enforced here. */
const nodeBuiltins = { group: ['node:*'], message: 'No Node APIs here: this code runs in every process.' };
const electron = {
  name: 'electron',
  message: 'Electron objects are passed in as parameters, never imported here.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'coverage', 'test/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
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
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Shared by main, preload, renderer and server: plain TypeScript and zod only.
    files: ['main/contract/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins], paths: [electron] }] },
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
    // The renderer is a web page: it reaches main only through window.hireproof.
    files: ['renderer/**', 'main/ipc/bridge.ts', 'main/browser-shell/page-bridge.ts'],
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
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins], paths: [electron] }] },
  },
);
