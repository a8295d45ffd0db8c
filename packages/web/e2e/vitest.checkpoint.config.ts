import { defineConfig } from 'vitest/config';

/**
 * The checkpoint app's browser tests (Debian's Chromium, fake camera): slow, so outside the
 * root `vitest run`. Run: npx vitest run -c packages/web/e2e/vitest.checkpoint.config.ts
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['checkpoint*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
