import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Projects by prerequisite, so a failure says what is missing:
 * - "src": suites that need only the sources (the native backend when the addon is built, else
 *   they run what ACTFN_BACKEND allows);
 * - "native-build": suites that call the native build directly (the raw addon, the guard-page
 *   harness in build/Release; `npm run build:native`);
 * - "dist": suites that run the built package (dist/, `npm run build`): the CLI, the README's
 *   examples, child processes and workers, packing;
 * - one project per lower instruction set re-runs the suites that hold the kernels to their
 *   contract (accuracy, parity, conventions), with ACTFN_SIMD forcing that set. On a CPU without
 *   AVX-512 (or AVX2) the forced project falls back to the best available set and the
 *   native-loaded test says which ran.
 */
const KERNEL_SUITES = ['test/backend/domain-edges.test.ts', 'test/accuracy/**/*.test.ts', 'test/backend/parity.test.ts', 'test/activations/conventions.test.ts'];
const NATIVE_BUILD = ['test/backend/native-loaded.test.ts', 'test/backend/addon-validation.test.ts', 'test/reliability/guard-pages.test.ts'];
const DIST = [
  'test/dist/**/*.test.ts',
  'test/cli/cli.test.ts',
  'test/cli/report-browser.test.ts',
  'test/docs/**/*.test.ts',
  'test/backend/threads.test.ts',
  'test/reliability/concurrency.test.ts',
  'test/reliability/leaks.test.ts',
  'test/reliability/model-files.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'src', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...NATIVE_BUILD, ...DIST] } },
      { extends: true, test: { name: 'native-build', include: NATIVE_BUILD, setupFiles: ['test/support/requires-native-build.ts'] } },
      { extends: true, test: { name: 'dist', include: DIST, setupFiles: ['test/support/requires-dist.ts'] } },
      ...['avx2', 'scalar'].map((simd) => ({
        extends: true as const,
        test: {
          name: `simd-${simd}`,
          include: [...KERNEL_SUITES, 'test/backend/native-loaded.test.ts'],
          env: { ACTFN_SIMD: simd },
          setupFiles: ['test/support/requires-native-build.ts'],
        },
      })),
    ],
  },
});
