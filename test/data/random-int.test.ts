import { describe, expect, it } from 'vitest';
import { Random } from '../../src/random.js';

/** Random.int takes a fast path below 2^21; both paths must draw what exact integer arithmetic does. */
function referenceInt(random: Random, n: number): number {
  const big = BigInt(n);
  const limit = 2n ** 32n - (2n ** 32n % big);
  for (;;) {
    const r = BigInt(random.uint32());
    if (r < limit) return Number(r % big);
  }
}

describe('Random.int', () => {
  it('draws exactly the rejection-sampled r mod n, on both sides of 2^21', () => {
    const moduli = [1, 2, 3, 455, 65536, 2 ** 21 - 1, 2 ** 21, 2 ** 21 + 1, 2 ** 31 - 1, 2 ** 31, 3 * 2 ** 30 + 5, 2 ** 32];
    for (let seed = 0; seed < 20; seed++) {
      const random = new Random(seed);
      const twin = new Random(seed);
      const pick = new Random(seed + 1000);
      for (let k = 0; k < 400; k++) {
        const n = k < moduli.length ? moduli[k] : 1 + Math.floor(pick.next() * 3 * 2 ** 21);
        expect(random.int(n)).toBe(referenceInt(twin, n));
      }
    }
  });
});
