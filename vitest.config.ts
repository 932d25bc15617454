import { defineConfig } from 'vitest/config';

/**
 * The unit suite runs twice, in time zones 21 hours apart, so no date can
 * shift by a day unnoticed; the end-to-end suite (child processes) once.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'Pacific/Auckland', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], env: { TZ: 'Pacific/Auckland' } } },
      { extends: true, test: { name: 'America/Los_Angeles', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], env: { TZ: 'America/Los_Angeles' } } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/build.ts'] } },
    ],
  },
});
