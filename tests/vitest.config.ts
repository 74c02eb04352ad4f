import { defineConfig } from 'vitest/config';
import { classify } from './projects';

const root = new URL('..', import.meta.url).pathname;
const files = classify(root);

// One at a time in one worker, after the unit files (groupOrder 1): these start whole builds or a browser.
const serial = { sequence: { groupOrder: 1 }, poolOptions: { forks: { singleFork: true } } };

export default defineConfig({
  test: {
    root,
    // Hang guards, not speed checks (speed is npm run bench's job): the CLI and acceptance tests
    // start tsx processes that took 20–45 s each on the shared 2-core machine at load 27–36.
    testTimeout: 120_000,
    hookTimeout: 600_000, // a cold build draws thousands of PNGs: minutes on a loaded 2-core machine
    // Unit files two at a time (vitest's default is cores − 1, one worker here).
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default', './tests/helpers/wall-time.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: files.unit } },
      // The demo site is built once for the whole run (globalSetup) and handed to these files.
      { extends: true, test: { name: 'demo', include: files.demo, globalSetup: ['./tests/helpers/demo-setup.ts'], ...serial } },
      { extends: true, test: { name: 'build', include: files.serial, ...serial } },
    ],
  },
});
