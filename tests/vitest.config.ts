import { defineConfig } from 'vitest/config';
import { classify, SharedSitesLast, sitePrebuilt } from './projects';

const root = new URL('..', import.meta.url).pathname;
const files = classify(root);
// While the demo builds in the global setup, the unit files run first (group 0) and the heavy ones
// after (group 1); with the demo built already all run as one group, longest first, and the short
// unit files fill the end of the run.
const heavyGroup = sitePrebuilt() ? 0 : 1;

export default defineConfig({
  test: {
    root,
    // Hang guards, not speed checks (speed is npm run bench's job): the CLI and acceptance tests
    // start tsx processes that took 20–45 s each on the shared 2-core machine at load 27–36.
    testTimeout: 120_000,
    hookTimeout: 600_000, // a cold build draws thousands of PNGs: minutes on a loaded 2-core machine
    // Two files at a time, one per core (vitest's default is cores − 1, one worker here). A browser
    // file keeps about one core busy, a build one to two: two heavy files side by side fill the
    // machine where one at a time left a core idle for most of the run.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker keeps the modules it loaded from one file to the next (the test files themselves
    // still run afresh): loading the engine, Plot and Arquero again for every file was more than
    // half of the unit files' CPU (unit files: 110 → 48 s CPU, 57 → 24 s wall). No file may leave
    // a mock or an environment variable behind; vitest undoes them after each file.
    isolate: false,
    restoreMocks: true,
    unstubEnvs: true,
    sequence: { sequencer: SharedSitesLast },
    reporters: ['default', './tests/helpers/wall-time.ts', './tests/helpers/durations.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: files.unit } },
      // After the unit files (groupOrder 1), side by side: the same two workers take the files of
      // both projects. The demo project's global setup starts the demo build at the start of the
      // run, while the unit files run.
      { extends: true, test: { name: 'demo', include: files.demo, globalSetup: ['./tests/helpers/demo-setup.ts'], sequence: { groupOrder: heavyGroup } } },
      { extends: true, test: { name: 'build', include: files.serial, sequence: { groupOrder: heavyGroup } } },
    ],
  },
});
