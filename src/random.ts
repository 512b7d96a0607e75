/**
 * The seeded generator behind everything random in actfn (initializers, shuffling, dropout masks,
 * synthetic datasets): xoshiro128** (Blackman and Vigna), seeded through splitmix32, so a seed
 * gives the same stream on every backend and platform. Not for cryptography.
 */
import { showValue } from './validate.js';
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${showValue(seed)}`);
    let z = seed >>> 0;
    const next = () => {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      return (t ^ (t >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1), 53 random bits. */
  next(): number {
    const hi = this.uint32() >>> 5;
    const lo = this.uint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (Marsaglia's polar method; the second value of each pair is kept). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * f;
        return u * f;
      }
    }
  }

  /** Uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`n must be an integer in [1, 2^32], got ${showValue(n)}`);
    // a mod n as a - n floor(a / n) below 2^21, where that is exact (a / n is within 2^-21 of its
    // floor only when it is an integer, and rounding moves it by 2^-21 at most), and several times
    // faster than the % of doubles (fmod): shuffling every epoch's batches drew from here
    if (n < SMALL_MODULUS) {
      const limit = n * Math.floor(2 ** 32 / n);
      for (;;) {
        const r = this.uint32();
        if (r < limit) return r - n * Math.floor(r / n);
      }
    }
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const r = this.uint32();
      if (r < limit) return r % n;
    }
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(values: T): T {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    return values;
  }

  /** 0..n-1 in random order. */
  permutation(n: number): Int32Array {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return this.shuffle(order);
  }
}

/** Moduli below this take int()'s exact floor-division path. */
const SMALL_MODULUS = 2 ** 21;

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A seed from the clock and Math.random, for when the caller gives none. */
export function freshSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) >>> 0;
}
