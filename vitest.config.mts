import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
    // The real-keychain tests need a Secret Service: `npm test` runs them under dbus-run-session.
    // The kill -9 tests run apart (`npm run test:crash`, vitest.crash.config.mts).
    exclude: [...configDefaults.exclude, 'src/**/*.keychain.test.ts', 'src/**/*.crash.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-results.json' },
  },
});
