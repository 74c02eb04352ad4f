import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    // Hang guards, not speed checks (speed is npm run bench's job): the CLI and acceptance tests
    // start tsx processes that took 20–45 s each on the shared 2-core machine at load 27–36.
    testTimeout: 120_000,
    hookTimeout: 600_000, // a cold demo build draws ~5 000 PNGs (share cards, figures): 135 s on an idle 2-core machine
    // The browser and site tests share one built site; run files one at a time to keep 2 cores free.
    fileParallelism: false,
  },
});
