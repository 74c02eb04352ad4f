// Prints the run's wall time last, from the start of the vitest process, so it includes the
// global setup (the demo build) that vitest's own «Duration» leaves out. On exit, so it comes
// after the summary whatever order the reporters are called in.
import type { Reporter } from 'vitest/reporters';

export default class WallTime implements Reporter {
  onInit(): void {
    process.once('exit', () => {
      const s = Math.round(process.uptime());
      process.stdout.write(`\n Wall time  ${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s (vitest start to end, global setup included)\n`);
    });
  }
}
