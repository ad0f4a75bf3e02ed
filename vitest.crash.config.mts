// `npm run test:crash`: the kill -9 tests (50 kills of the headless CLI at seeded moments).
// Apart from the default run because they spawn many processes; `npm test` runs them too.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.crash.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 240_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-crash-results.json' },
  },
});
