/**
 * How many cases each property-based test runs, and from which seed. CI uses the defaults, so a
 * failure there replays; FUZZ_RUNS scales every count and FUZZ_SEED picks other cases for a soak:
 * `FUZZ_RUNS=10 FUZZ_SEED=3 npx vitest run test/reliability`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** fast-check options for a property that runs `n` cases by default from `seed`. */
export function fuzzRuns(n: number, seed: number): { numRuns: number; seed: number } {
  return { numRuns: Math.max(1, Math.round(n * RUNS)), seed: SEED ?? seed };
}
