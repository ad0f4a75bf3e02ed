// Tests that need a real OS keychain: run by `npm run test:keychain` inside a private D-Bus
// session with gnome-keyring (docs/architecture.md, "Platform notes").
// The default vitest.config.mts excludes these files, because a plain run has no Secret Service.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.keychain.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Lets the keychain tests tell this run from a default run that has not excluded them yet.
    env: { DISTILL_ROI_KEYCHAIN_TESTS: '1' },
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-keychain-results.json' },
  },
});
