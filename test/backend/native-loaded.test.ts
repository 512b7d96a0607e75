import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { backendInfo, getBackend, setBackend } from '../../src/index.js';
import { addonCandidates } from '../../src/backend/native.js';
import { jsOnly } from '../support/backends.js';

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
    const { cpuSimd } = createRequire(import.meta.url)(addonCandidates()[0]).info();
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

describe('environment settings', () => {
  it('rejects an unknown ACTFN_SIMD with a RangeError naming the valid ones', () => {
    // a fresh process: the setting is read when the backend is first chosen (runs the built dist/)
    const script = `import('actfn').then((a) => {
      try { a.backendInfo(); } catch (e) { process.stdout.write(e.constructor.name + ': ' + e.message); }
    })`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ACTFN_SIMD: 'avx' },
      encoding: 'utf8',
    });
    expect(out).toBe("RangeError: ACTFN_SIMD must be one of scalar, avx2, avx512, got 'avx'");
  });
});
