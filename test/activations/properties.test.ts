import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation } from '../../src/index.js';

/**
 * Each row's properties are checked against the function itself, sampled densely, rather than
 * restated: a wrong entry in the table fails here.
 */
function grid(from: number, to: number, step: number): Float64Array {
  const n = Math.round((to - from) / step) + 1;
  return Float64Array.from({ length: n }, (_, i) => from + i * step);
}

/** +-10^from .. +-10^to, `perDecade` points a decade, for features that sit at x ~ 1 / beta. */
function logGrid(from: number, to: number, perDecade: number): number[] {
  const n = (to - from) * perDecade;
  const positive = Array.from({ length: n + 1 }, (_, i) => 10 ** (from + i / perDecade));
  return [...positive.map((v) => -v), ...positive];
}

const dense = grid(-12, 12, 1 / 1024);
// range and monotonicity also look far out (swish's minimum is at x = -1.28 / beta); sorted,
// because the monotonic check reads neighbours
const sweep = Float64Array.from([...dense, ...logGrid(-3, 8, 4000)]).sort();
const fine = grid(-12, 12, 1 / 16384); // for the smoothness check: celu's f'' reaches 1 / alpha = 20
const wide = Float64Array.from([-1e8, -1e6, -1e4, -1e3, -100, -50, -30, 30, 50, 100, 1e3, 1e4, 1e6, 1e8]);
const SATURATED = 1e-3;

for (const row of ACTIVATION_TABLE) {
  describe(`${row.name} properties`, () => {
    for (const params of row.test.paramSets) {
      const act = getActivation(row.name, params);
      const p = act.properties;
      const f = act.forward(sweep);
      const d = act.derivative(sweep);
      const fw = act.forward(wide);
      const dw = act.derivative(wide);
      const label = JSON.stringify(params);

      it(`stays within its range ${p.rangeText} and comes close to both ends ${label}`, () => {
        const all = [...f, ...fw];
        const [lo, hi] = p.range;
        for (const v of all) {
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
        }
        const min = Math.min(...all);
        const max = Math.max(...all);
        if (Number.isFinite(lo)) expect(min - lo).toBeLessThan(1e-6 * Math.max(1, Math.abs(lo)));
        else expect(min).toBeLessThan(-1e5);
        if (Number.isFinite(hi)) expect(hi - max).toBeLessThan(1e-6 * Math.max(1, Math.abs(hi)));
        else expect(max).toBeGreaterThan(1e5);
        expect(p.boundedBelow).toBe(Number.isFinite(lo));
        expect(p.boundedAbove).toBe(Number.isFinite(hi));
      });

      it(`is ${p.zeroCentered ? '' : 'not '}zero-centred ${label}`, () => {
        const atZero = act.forward(new Float64Array([0]))[0];
        const bothSigns = f.some((v) => v < 0) && f.some((v) => v > 0);
        expect(atZero === 0 && bothSigns).toBe(p.zeroCentered);
      });

      it(`is ${p.monotonic ? '' : 'not '}monotonic ${label}`, () => {
        let nonDecreasing = true;
        for (let i = 1; i < f.length; i++) if (f[i] < f[i - 1]) nonDecreasing = false;
        expect(nonDecreasing && d.every((v) => v >= 0)).toBe(p.monotonic);
      });

      it(`is ${p.smooth ? '' : 'not '}smooth: f' ${p.smooth ? 'has no' : 'has a'} jump ${label}`, () => {
        const df = act.derivative(fine);
        let maxJump = 0;
        for (let i = 1; i < df.length; i++) maxJump = Math.max(maxJump, Math.abs(df[i] - df[i - 1]));
        // A continuous f' moves by at most max|f''| * h <= 20 * 2^-14 = 1.2e-3 between neighbours.
        if (p.smooth) expect(maxJump).toBeLessThan(0.01);
        else expect(maxJump).toBeGreaterThan(0.05);
      });

      it(`saturates on the ${p.saturates} side(s) and ${p.deadZone ? 'has' : 'has no'} dead zone ${label}`, () => {
        const neg = Math.abs(dw[0]) < SATURATED;
        const pos = Math.abs(dw[dw.length - 1]) < SATURATED;
        expect(neg && pos ? 'both' : neg ? 'negative' : pos ? 'positive' : 'none').toBe(p.saturates);
        const zeros = act.derivative(dense).filter((v) => v === 0).length;
        expect(zeros > 100).toBe(p.deadZone);
      });

      it(`has the vanishing-gradient risk its saturation implies ${label}`, () => {
        // high: f' vanishes exponentially (or exactly) on both sides; medium: only polynomially.
        const at20 = act.derivative(new Float64Array([-20, 20]));
        const expected = p.saturates !== 'both' ? 'low' : Math.max(...at20.map(Math.abs)) < 1e-6 ? 'high' : 'medium';
        expect(p.vanishingGradientRisk).toBe(expected);
      });
    }
  });
}
