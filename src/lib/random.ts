// One seeded PRNG for everything synthetic (benchmarks, test fixtures, demo data), so the same seed
// gives the same numbers on every machine.

/** mulberry32: 32-bit state, small, fast and trivially portable; each call yields a uint32. */
export function mulberry32Bits(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform on [0, 1) from mulberry32. */
export function prng(seed: number): () => number {
  const bits = mulberry32Bits(seed);
  return () => bits() / 4294967296;
}
