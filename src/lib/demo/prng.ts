// A tiny seeded PRNG so the demo data is byte-identical for the same seed on every machine.
import { mulberry32Bits } from '../random';

/** FNV-1a over the UTF-16 code units, finished with a murmur3-style mix so nearby keys diverge. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Rng {
  /** Uniform on (0, 1), never exactly 0 or 1. */
  next(): number;
  /** Standard normal draw. */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** mulberry32 (see ../random.ts) with the draws the demo model needs. */
export function mulberry32(seed: number): Rng {
  const bits = mulberry32Bits(seed);
  // The half step keeps draws off 0 and 1, so log() in normal() stays finite.
  const next = (): number => (bits() + 0.5) / 4294967296;
  return {
    next,
    // Box–Muller; one value per call keeps the stream position independent of earlier calls' branches.
    normal: () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()),
    chance: (p) => next() < p,
  };
}

/**
 * One independent stream per (seed, purpose, key): a kommune's answers do not shift when another
 * kommune is added, removed or answers differently.
 */
export function stream(seed: number, purpose: string, key: string): Rng {
  return mulberry32(hashKey(`${seed}|${purpose}|${key}`));
}
