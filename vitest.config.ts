import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The test files whose results could shift by a day with the time zone: code
 * that turns dates into days (dates, statuses and overdue, the timeline, the
 * calendar (.ics), history dates, the review, the model, the pages that show
 * dates). They run a second time, 21 hours from the first time zone, so no
 * date can shift by a day unnoticed; a new test of such code belongs here.
 */
export const timeZoneTests = [
  'tests/timezone.test.ts',
  'tests/format/dates.test.ts',
  'tests/format/rules.test.ts',
  'tests/format/status.test.ts',
  'tests/stages/model.test.ts',
  'tests/stages/calendar.test.ts',
  'tests/timeline/time-zones.test.ts',
  'tests/timeline/dates.test.ts',
  'tests/timeline/axis.test.ts',
  'tests/timeline/layout.test.ts',
  'tests/timeline/render.test.ts',
  'tests/history/read.test.ts',
  'tests/history/stamps.test.ts',
  'tests/history/review-summary.test.ts',
  'tests/build/plan-sources.test.ts',
  'tests/config/config.test.ts',
  'tests/scaffold/starter.test.ts',
  'tests/theme/format.test.ts',
  'tests/theme/calendar-link.test.ts',
  'tests/theme/index-page.test.ts',
  'tests/theme/plan-page.test.ts',
  'tests/theme/review-page.test.ts',
  'tests/lsp/hover.test.ts',
];

/**
 * The unit suite runs in Pacific/Auckland, the time-zone tests once more in
 * America/Los_Angeles; the end-to-end suite (the CLI, in-process or as a
 * child process) once.
 */
export default defineConfig({
  test: {
    // Vitest leaves a core free by default (one worker on two cores); the end-to-end tests spend much of their time
    // waiting on the processes they start (Chromium, git, npm), so the suite uses every core.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // Test files share their workers' module cache (isolate: false): none holds state between files, and loading zod,
      // unified and Handlebars again for every file was half the unit suite's time (measured: 114 → 60 CPU-seconds).
      { extends: true, test: { name: 'Pacific/Auckland', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], isolate: false, env: { TZ: 'Pacific/Auckland' } } },
      { extends: true, test: { name: 'America/Los_Angeles', include: timeZoneTests, isolate: false, env: { TZ: 'America/Los_Angeles' } } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], isolate: false, globalSetup: ['tests/e2e/build.ts'] } },
    ],
  },
});
