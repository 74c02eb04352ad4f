import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // The browser and site tests share one built site; run files one at a time to keep 2 cores free.
    fileParallelism: false,
  },
});
