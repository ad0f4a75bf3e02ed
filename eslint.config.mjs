// Lint is where the architecture's layering is enforced (see docs/architecture-layers.md):
// each zone below lists what its files must never import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare Node built-ins are matched by exact name (a pattern 'events' would also match './events').
const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'events',
  'url',
  'worker_threads',
];
const nodeOnly = ['node:*'];
const mainOnly = ['better-sqlite3', '@aws-sdk/*', '@smithy/*', '@napi-rs/keyring'];

const restrict = (groups, message, extra = {}, paths = nodeBuiltins) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: [{ group: groups, message, ...extra }],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      '.tmp/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: restrict(
      [
        ...nodeOnly,
        ...mainOnly,
        'electron',
        'react',
        'react-dom',
        'chart.js',
        '**/main/**',
        '**/renderer/**',
        '**/preload/**',
      ],
      'src/shared is pure: zod and other src/shared files only.',
    ),
  },
  {
    files: ['src/shared/**/*.test.ts'],
    rules: restrict(
      [...mainOnly, 'electron', 'react', '**/main/**', '**/renderer/**', '**/preload/**'],
      'Tests of src/shared test pure code; only node: helpers (files) are allowed.',
      {},
      [],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeOnly, ...mainOnly, 'electron', '**/main/**', '**/preload/**'],
        'The renderer reaches main only through the typed IPC contract (window.api or the host transport).',
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/main/**',
                '**/renderer/**',
                'zod',
                'react',
                ...nodeOnly,
                ...nodeBuiltins,
                ...mainOnly,
              ],
              message: 'The preload may import electron and the channel names only.',
            },
            {
              regex: '^\\.\\./shared/(?!ipc/channels$)',
              allowTypeImports: true,
              message: 'Only types from src/shared (plus the channel names).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: [
      'src/main/index.ts',
      'src/main/window.ts',
      'src/main/ipc/bindElectron.ts',
      'src/main/export/electronPdf.ts',
    ],
    rules: restrict(
      ['electron', '**/renderer/**', '**/preload/**'],
      'Only the thin Electron shell imports electron; main modules run under plain Node.',
      { allowTypeImports: true },
      [],
    ),
  },
  {
    files: [
      'src/main/index.ts',
      'src/main/window.ts',
      'src/main/ipc/bindElectron.ts',
      'src/main/export/electronPdf.ts',
    ],
    rules: restrict(
      ['**/renderer/**', '**/preload/**'],
      'Main never imports the renderer or preload.',
      {},
      [],
    ),
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: restrict(
      ['**/src/main/**', 'better-sqlite3', 'electron', 'vitest'],
      'End-to-end specs use the app through its UI (and test/support tools).',
      {},
      [],
    ),
  },
  {
    // Playwright loads test/support too, and Vitest cannot be loaded there.
    files: ['test/support/**/*.ts'],
    ignores: ['test/support/qualityCore.ts'],
    rules: restrict(
      ['vitest'],
      'test/support is shared with the Playwright specs: Vitest-only helpers go in test/support/qualityCore.ts.',
      {},
      [],
    ),
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.ts', 'bench/**/*.ts', 'src/**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
);
