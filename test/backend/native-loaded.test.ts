import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendInfo, getBackend, getNumThreads, setBackend, setNumThreads } from '../../src/index.js';
import { jsOnly, loadedAddon } from '../support/backends.js';

const ORDER = ['scalar', 'avx2', 'avx512'];

describe('backend selection', () => {
  it.skipIf(jsOnly)('loads the native addon unless ACTFN_BACKEND=js asked for the fallback', () => {
    const info = backendInfo();
    expect(info.reason).toBeUndefined();
    expect(info.backend).toBe('native');
    expect(info.napiVersion).toBeGreaterThanOrEqual(8);
    expect(['scalar', 'avx2', 'avx512']).toContain(info.simd);
  });

  it.skipIf(jsOnly)('runs the widest instruction set the CPU has, or the lower one ACTFN_SIMD asks for', () => {
    const { cpuSimd } = loadedAddon().info();
    const requested = process.env.ACTFN_SIMD || 'avx512';
    const expected = ORDER[Math.min(ORDER.indexOf(requested), ORDER.indexOf(cpuSimd))];
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
