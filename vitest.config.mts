import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
    // The real-keychain tests need a Secret Service: `npm test` runs them under dbus-run-session.
    // The kill -9 tests run apart (`npm run test:crash`, vitest.crash.config.mts).
    exclude: [...configDefaults.exclude, 'src/**/*.keychain.test.ts', 'src/**/*.crash.test.ts'],
    environment: 'node',
    pool: 'forks',
    // The suite waits on child processes, sockets and stand-ins most of its time: Vitest's
    // default (one worker less than the cores) ran it one file at a time on 2 cores, one core
    // idle. Three workers there: 2,394 tests in 149 s instead of about 250 s.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-results.json' },
  },
});
