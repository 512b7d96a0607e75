import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('environment settings of the built package', () => {
  it('rejects an unknown ACTFN_SIMD with a RangeError naming the valid ones', () => {
    // a fresh process: the setting is read when the backend is first chosen (runs the built dist/)
    const script = `import('actfn').then((a) => {
      try { a.backendInfo(); } catch (e) { process.stdout.write(e.constructor.name + ': ' + e.message); }
    })`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ACTFN_SIMD: 'avx' },
      encoding: 'utf8',
    });
    expect(out).toBe("RangeError: ACTFN_SIMD must be one of scalar, avx2, avx512, neon, got 'avx'");
  });
});
