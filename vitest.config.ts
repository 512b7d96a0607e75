import { defineConfig } from 'vitest/config';

/**
 * One project runs everything on the kernels this CPU picks by itself; one more per lower
 * instruction set re-runs the suites that hold the kernels to their contract (accuracy, parity,
 * conventions), with ACTFN_SIMD forcing that set. On a CPU without AVX-512 (or AVX2) the forced
 * project falls back to the best available set and the native-loaded test says which ran.
 */
const KERNEL_SUITES = ['test/backend/domain-edges.test.ts', 'test/accuracy/**/*.test.ts', 'test/backend/parity.test.ts', 'test/activations/conventions.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'] } },
      ...['avx2', 'scalar'].map((simd) => ({
        extends: true as const,
        test: { name: `simd-${simd}`, include: [...KERNEL_SUITES, 'test/backend/native-loaded.test.ts'], env: { ACTFN_SIMD: simd } },
      })),
    ],
  },
});
