// The build's file walks after Astro (modes, sizes, share cards, kommune files) touch every one of
// thousands of files; one await at a time they left libuv's threads waiting on the main thread's
// round trips (warm demo build: about 2.6 s). A few at a time keeps those threads busy, and a bound
// keeps the open file descriptors under any system's limit.

/** Files worked on at a time: enough to keep libuv's four threads busy, far below `ulimit -n`. */
export const FILES_AT_A_TIME = 16;

/**
 * `work` for every item, at most `limit` at a time. Resolves when all are done; on a failure, rejects
 * with the first error once the work in flight has settled, and starts nothing new.
 */
export async function forEachLimited<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>, limit = FILES_AT_A_TIME): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    while (errors.length === 0 && next < items.length) {
      const i = next++;
      try {
        await work(items[i], i);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
}
