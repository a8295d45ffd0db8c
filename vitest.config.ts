import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      // A short seeded run of `npm run fuzz` (fuzz/).
      'fuzz/**/*.test.ts',
      // The back office in Chromium against the real server (builds packages/web/dist if stale).
      'packages/web/e2e/backoffice*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
