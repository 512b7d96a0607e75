import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guardPageHarness, jsOnly, loadedAddon } from '../support/backends.js';

/**
 * native/tests/guard_pages.cc (built with the addon): every kernel, length 0..130, arrays flush
 * against an inaccessible page on either side, once per instruction set this CPU has.
 */
const harness = jsOnly ? '' : guardPageHarness();
const isas = (): string[] => {
  const { cpuSimd } = loadedAddon().info() as { cpuSimd: string };
  return ['scalar', 'avx2', 'avx512'].slice(0, ['scalar', 'avx2', 'avx512'].indexOf(cpuSimd) + 1);
};

describe.runIf(process.platform === 'linux' && !jsOnly)('kernels at the edge of mapped memory', () => {
  it('the harness faults on a read one element past an array (so a silent pass means something)', () => {
    expect(existsSync(harness), `${harness} missing: npm run build:native`).toBe(true);
    const r = spawnSync(harness, ['--self-test'], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGSEGV');
  });

  it('no kernel reads or writes outside its arrays, on any instruction set', () => {
    for (const isa of isas()) {
      const r = spawnSync(harness, { encoding: 'utf8', env: { ...process.env, ACTFN_SIMD: isa } });
      expect(r.signal, `${isa}: ${r.stderr}`).toBeNull();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`guard pages: \\d+ kernel calls on ${isa}, no fault`));
    }
  }, 120_000);
});
