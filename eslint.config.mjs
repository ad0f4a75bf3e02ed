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

// Layers inside src/main (docs/architecture-layers.md): each zone names the folders of src/main
// its files must not import. Lower layers never import higher ones; the transports (host/,
// electron/) reach everything through the dispatcher in service/; only electron/ imports electron.
const DOMAIN = [
  'db',
  'bedrock',
  'batch',
  'distill',
  'runner',
  'quality',
  'export',
  'credentials',
  'priceList',
  'models',
  'estimate',
  'recovery',
  'paths',
  'pages',
  'serving',
  'billing',
];
const ABOVE_DOMAIN = ['core', 'handlers', 'service', 'host', 'electron', 'cli'];
const except = (list, ...keep) => list.filter((name) => !keep.includes(name));
const mainLayers = [
  {
    files: ['src/main/common/**/*.ts', 'src/main/log.ts', 'src/main/version.ts'],
    forbidden: [...ABOVE_DOMAIN, ...except(DOMAIN, 'db')],
    message: 'common/ is the neutral layer every other imports: it reads the store (db/) only.',
  },
  {
    files: DOMAIN.map((name) => `src/main/${name}/**/*.ts`),
    forbidden: ABOVE_DOMAIN,
    message:
      'Core modules import each other, common/ and libraries: never handlers, the service, a transport or the CLI.',
  },
  {
    files: ['src/main/core/**/*.ts'],
    forbidden: except(ABOVE_DOMAIN, 'core'),
    message: 'core/ assembles the core modules; the handlers and transports sit above it.',
  },
  {
    files: ['src/main/handlers/**/*.ts'],
    forbidden: ['service', 'host', 'electron', 'cli'],
    message:
      'Handlers import core modules and core/context; the dispatcher and transports import them.',
  },
  {
    files: ['src/main/service/**/*.ts'],
    forbidden: ['host', 'electron', 'cli'],
    message: 'The transport-neutral service knows no transport.',
  },
  {
    files: ['src/main/host/**/*.ts'],
    forbidden: ['core', 'handlers', 'electron', 'cli', ...except(DOMAIN, 'paths', 'pages')],
    message: 'The browser host reaches the app through service/ (the dispatcher) only.',
  },
  {
    files: ['src/main/electron/**/*.ts'],
    forbidden: ['core', 'handlers', 'host', 'cli', ...except(DOMAIN, 'paths', 'pages', 'export')],
    message: 'The Electron shell reaches the app through service/ (the dispatcher) only.',
  },
  {
    files: ['src/main/cli/**/*.ts'],
    forbidden: except(ABOVE_DOMAIN, 'cli'),
    message: 'The CLI calls the core modules the handlers call, not the handlers or a transport.',
  },
];
const ELECTRON_ONLY =
  'Only src/main/electron/ imports electron; the rest of main runs under plain Node.';
const NOT_RENDERER = {
  group: ['**/renderer/**', '**/preload/**'],
  message: 'Main never imports the renderer or preload.',
};
const folderPattern = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;
const mainZones = [
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: ELECTRON_ONLY }], patterns: [NOT_RENDERER] },
      ],
    },
  },
  ...mainLayers.map(({ files, forbidden, message }) => ({
    files,
    ignores: ['src/main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: files.some((f) => f.startsWith('src/main/electron/'))
            ? []
            : [{ name: 'electron', message: ELECTRON_ONLY }],
          patterns: [NOT_RENDERER, { regex: folderPattern(forbidden), message }],
        },
      ],
    },
  })),
  {
    files: ['src/main/electron/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_RENDERER] }] },
  },
];

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
  ...mainZones,
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
    // Page objects (test/e2e/pages) own every locator, so a spec reads as a user's steps.
    files: ['test/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(locator|getByRole|getByTestId|getByLabel|getByText|getByPlaceholder|getByTitle|getByAltText)$/]',
          message:
            'Locators belong in a page object under test/e2e/pages: add a getter or a step there and call it.',
        },
      ],
    },
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
