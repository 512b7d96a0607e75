import { describe, expect, it } from 'vitest';
import { backendInfo, getBackend, setBackend } from '../../src/index.js';
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
