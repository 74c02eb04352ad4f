// Loaded with `node --import` into a measured child (the site build, or Astro alone for the floor):
// at exit it writes the process's own peak resident memory and CPU time (every thread included;
// child processes such as esbuild's service are not, on either side) to DIGIKOMMUNE_RUSAGE_OUT.
// Plain JavaScript, so Astro's own CLI can load it without tsx.
import { writeFileSync } from 'node:fs';

const out = process.env.DIGIKOMMUNE_RUSAGE_OUT;
if (out) {
  process.on('exit', (code) => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ code, maxRssKB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
  });
}
