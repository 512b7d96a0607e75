import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendInfo } from '../../src/index.js';
import { nativeAddonPath } from '../../src/backend/select.js';
import { jsOnly } from '../support/backends.js';

/**
 * The probes bench/ compares kernels against live in a bench-only addon (actfn_bench.node, built by
 * cmake-js beside actfn.node), never in the shipped one (issue 12). bench/addons.mjs finds it beside
 * the addon that loaded, through nativeAddonPath().
 */
interface BenchAddon {
  copyProbe(x: Float32Array | Float64Array, out: Float32Array | Float64Array): void;
  addProbe(x: Float32Array | Float64Array, y: Float32Array | Float64Array, out: Float32Array | Float64Array): void;
  fmaPeak(isa: string, dtype: string, threads: number, seconds: number): { gflops: number; lanes: number; accumulators: number };
  setNumThreads(n: number): void;
  info(): { cpuSimd: string; isas: string[]; openmp: boolean };
}

const require = createRequire(import.meta.url);

describe.skipIf(jsOnly)('bench-only addon', () => {
  it('the shipped addon exports no probe', () => {
    const path = nativeAddonPath();
    expect(path).toBe(backendInfo().addonPath);
    const exported = Object.keys(require(path as string) as object);
    expect(exported.filter((name) => /probe|peak/i.test(name))).toEqual([]);
  });

  const benchPath = join(dirname(nativeAddonPath() ?? '.'), 'actfn_bench.node');
  it.runIf(existsSync(benchPath))('sits beside the loaded addon with the copy, add and FMA-peak probes', () => {
    const bench = require(benchPath) as BenchAddon;
    const x = Float64Array.from({ length: 100_000 }, (_, i) => i * 0.5);
    const y = x.map((v) => -2 * v);
    const out = new Float64Array(x.length);
    bench.setNumThreads(2);
    bench.copyProbe(x, out);
    expect(out).toEqual(x);
    bench.addProbe(x, y, out);
    expect(out.every((v, i) => v === -x[i])).toBe(true);
    expect(() => bench.copyProbe(x, new Float64Array(3))).toThrow();
    const { cpuSimd, isas } = bench.info();
    expect(isas).toContain('scalar');
    expect(isas.at(-1)).toBe(cpuSimd);
    for (const isa of isas) {
      const peak = bench.fmaPeak(isa, 'float32', 1, 0.01);
      expect(peak.gflops, isa).toBeGreaterThan(0.1);
      expect(peak.accumulators).toBeGreaterThanOrEqual(8);
    }
    expect(() => bench.fmaPeak('sse9', 'float32', 1, 0.01)).toThrow(RangeError);
    expect(() => bench.fmaPeak('scalar', 'float16', 1, 0.01)).toThrow(TypeError);
  });
});
