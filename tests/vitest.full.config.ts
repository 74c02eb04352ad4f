// `npm run test:full`: the slow checks `npm test` leaves out (a cold demo rebuild compared byte for
// byte). Files one at a time; the demo site comes from the same global setup as in `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/full/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    globalSetup: ['./tests/helpers/demo-setup.ts'],
    reporters: ['default', './tests/helpers/wall-time.ts'],
  },
});
