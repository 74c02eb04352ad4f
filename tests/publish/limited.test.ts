// forEachLimited: the build's bounded file walks (scripts/lib/limited.ts).
import { describe, expect, it } from 'vitest';
import { forEachLimited } from '../../scripts/lib/limited';

/** A task that finishes when the test says so: the order of completion is the test's to choose. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('forEachLimited', () => {
  it('works on every item once, never more than the limit at a time, with each item’s index', async () => {
    const gates = Array.from({ length: 7 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = forEachLimited(gates, async (g, i) => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await g.opened;
      running--;
    }, 3);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    // Finishing the second lets the fourth start, before the first is done.
    gates[1].open();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    await done;
    expect(started.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
  });

  it('rejects with the first failure after the work in flight has settled, and starts nothing new', async () => {
    const settled: number[] = [];
    const started: number[] = [];
    const slow = gate();
    const run = forEachLimited([0, 1, 2, 3, 4], async (n) => {
      started.push(n);
      if (n === 0) {
        await slow.opened;
        settled.push(n);
        return;
      }
      if (n === 1) throw new Error(`feil ${n}`);
      settled.push(n);
    }, 2);
    const outcome = run.then(() => 'ok', (e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1]);
    slow.open();
    expect(await outcome).toBe('feil 1');
    expect(settled).toEqual([0]);
  });

  it('is done at once with nothing to do', async () => {
    await expect(forEachLimited([], async () => {})).resolves.toBeUndefined();
  });
});
