import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendInfo, getBackend, getNumThreads, setBackend, setNumThreads } from '../../src/index.js';
import { jsOnly, loadedAddon } from '../support/backends.js';

// Each family's instruction sets, lowest first; ACTFN_SIMD=avx2 and =neon ask for rank 1 (isa_rank in native/kernels/cpu_features.cc).
const ORDERS: Record<string, string[]> = { x86: ['scalar', 'avx2', 'avx512'], arm: ['scalar', 'neon'] };
const RANK: Record<string, number> = { scalar: 0, avx2: 1, neon: 1, avx512: 2 };

describe('backend selection', () => {
  it.skipIf(jsOnly)('loads the native addon unless ACTFN_BACKEND=js asked for the fallback', () => {
    const info = backendInfo();
    expect(info.reason).toBeUndefined();
    expect(info.backend).toBe('native');
    expect(info.napiVersion).toBeGreaterThanOrEqual(8);
    expect(['scalar', 'avx2', 'avx512', 'neon']).toContain(info.simd);
  });

  it.skipIf(jsOnly)('runs the widest instruction set the CPU has, or the lower one ACTFN_SIMD asks for', () => {
    const { cpuSimd } = loadedAddon().info();
    const order = cpuSimd === 'neon' ? ORDERS.arm : ORDERS.x86;
    const ceiling = RANK[process.env.ACTFN_SIMD ?? ''] ?? 2;
    const expected = order[Math.min(ceiling, RANK[cpuSimd], order.length - 1)];
    expect(backendInfo().simd).toBe(expected);
  });

  // A lane that tests a particular build (.ci/source-builds) names it in ACTFN_ADDON: a failed load
  // would otherwise fall back to the next candidate and test another addon.
  it.runIf(!jsOnly && !!process.env.ACTFN_ADDON)('loads the addon ACTFN_ADDON names, not a later candidate', () => {
    expect(backendInfo().addonPath).toBe(resolve(process.env.ACTFN_ADDON!));
  });

  // ACTFN_TEST_EXPECT_OPENMP=0|1: what the lane's build must report (.ci/source-builds sets it).
  it.runIf(!jsOnly && ['0', '1'].includes(process.env.ACTFN_TEST_EXPECT_OPENMP ?? ''))('says whether it was built with OpenMP, and runs one thread without it', () => {
    const withOpenMp = process.env.ACTFN_TEST_EXPECT_OPENMP === '1';
    const before = getNumThreads();
    try {
      setNumThreads(2);
      expect(backendInfo()).toMatchObject({ backend: 'native', openmp: withOpenMp, threads: withOpenMp ? 2 : 1 });
    } finally {
      setNumThreads(before);
    }
  });

  it.skipIf(jsOnly)('reports openmp on the native backend only', () => {
    expect(typeof backendInfo().openmp).toBe('boolean');
    setBackend('js');
    expect(backendInfo().openmp).toBeUndefined();
    setBackend('native');
  });

  it.runIf(jsOnly)('runs the TypeScript backend and says why when ACTFN_BACKEND=js', () => {
    expect(backendInfo()).toMatchObject({ backend: 'js', reason: 'ACTFN_BACKEND=js', simd: 'js', napiVersion: null });
  });

  it('switches backends with setBackend and reports the package version', () => {
    setBackend('js');
    expect(getBackend()).toBe('js');
    expect(backendInfo().version).toMatch(/^\d+\.\d+\.\d+/);
    if (!jsOnly) {
      setBackend('native');
      expect(getBackend()).toBe('native');
    }
  });

  it('rejects an unknown backend name with a RangeError that lists the valid ones', () => {
    expect(() => setBackend('gpu' as never)).toThrow(RangeError);
    expect(() => setBackend('gpu' as never)).toThrow(/'native' or 'js'/);
  });
});
