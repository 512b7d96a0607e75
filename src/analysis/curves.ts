/**
 * activationCurves: f and f' sampled on a grid for plotting, with each function's properties
 * (from the activation table), the largest sampled |f'|, and the intervals of [from, to] where the
 * gradient vanishes: |f'| < 1e-3 on a whole interval at least 0.1 wide. That is a property of the
 * function, not of the plot's sampling: it is found on its own grid (independent of `points`), its
 * ends refined by bisection, so a single point where f' crosses zero (swish near -1.28, gelu near
 * -0.75) is no flat region at any number of points.
 */
import type { Activation } from '../activations/activation.js';
import { getActivation } from '../activations/registry.js';
import type { ActivationProperties, Params } from '../activations/spec.js';
import { checkOptions, type OptionNames } from '../options.js';
import { showValue, describeValue } from '../validate.js';

export const VANISHING_GRADIENT = 1e-3;
/** The narrowest stretch of |f'| < 1e-3 that counts as a vanishing-gradient region. */
export const VANISHING_MIN_WIDTH = 0.1;

export interface CurveOptions {
  from?: number;
  to?: number;
  points?: number;
}
const CURVE_OPTIONS: OptionNames<CurveOptions> = { from: true, to: true, points: true };
const NAMED_OPTIONS: OptionNames<{ name: string; params?: Params }> = { name: true, params: true };

export interface ActivationCurve {
  name: string;
  params: Params;
  formula: string;
  derivativeFormula: string;
  f: number[];
  df: number[];
  properties: ActivationProperties;
  maxAbsDerivative: number;
  /** Intervals [a, b] of [from, to] where |f'| < 1e-3 throughout a stretch at least 0.1 wide (ends to 1e-6). */
  vanishing: Array<[number, number]>;
}

export interface Curves {
  x: number[];
  curves: ActivationCurve[];
}

type ActivationRef = string | Activation | { name: string; params?: Params };

function resolve(ref: ActivationRef): Activation {
  if (typeof ref === 'string') return getActivation(ref);
  if (typeof ref !== 'object' || ref === null) throw new TypeError(`each activation must be a name, an Activation or { name, params }, got ${describeValue(ref)}`);
  if ('spec' in ref) return ref as Activation;
  checkOptions(ref, 'an activation { name, params }', NAMED_OPTIONS);
  return getActivation(ref.name, ref.params);
}

const flatAt = (act: Activation, x: number) => Math.abs(act.derivative(Float64Array.of(x))[0]) < VANISHING_GRADIENT;

/** The point where flatness changes between a (flat if aFlat) and b (the other state), on the flat side. */
function edge(act: Activation, a: number, b: number, aFlat: boolean): number {
  let [flat, steep] = aFlat ? [a, b] : [b, a];
  for (let k = 0; k < 2200; k++) { // until mid equals an end (a few dozen steps on the usual grid)
    const mid = (flat + steep) / 2;
    if (mid === flat || mid === steep) break;
    if (flatAt(act, mid)) flat = mid;
    else steep = mid;
  }
  return flat;
}

const round6 = (v: number) => (Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 + 0 : v); // + 0: no -0

/**
 * Where |f'| < 1e-3 on an interval at least VANISHING_MIN_WIDTH wide, clipped to [from, to]. The
 * grid reaches a width beyond each end, so a region is judged whole even where the range cuts it.
 */
function vanishingIntervals(act: Activation, from: number, to: number): Array<[number, number]> {
  const lo = from - VANISHING_MIN_WIDTH;
  const hi = to + VANISHING_MIN_WIDTH;
  const n = Math.min(2 ** 20, Math.ceil((hi - lo) / (VANISHING_MIN_WIDTH / 8)));
  const grid = Float64Array.from({ length: n + 1 }, (_, i) => (i === n ? hi : lo * (1 - i / n) + hi * (i / n)));
  const df = act.derivative(grid);
  const found: Array<[number, number]> = [];
  let i = 0;
  while (i <= n) {
    if (!(Math.abs(df[i]) < VANISHING_GRADIENT)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && Math.abs(df[j + 1]) < VANISHING_GRADIENT) j++;
    const start = i === 0 ? -Infinity : edge(act, grid[i], grid[i - 1], true);
    const end = j === n ? Infinity : edge(act, grid[j], grid[j + 1], true);
    if (end - start >= VANISHING_MIN_WIDTH) {
      const a = round6(Math.max(start, from));
      const b = round6(Math.min(end, to));
      if (a <= b) found.push([a, b]);
    }
    i = j + 1;
  }
  return found;
}

export function activationCurves(activations: readonly ActivationRef[], options: CurveOptions = {}): Curves {
  checkOptions(options, 'activationCurves()', CURVE_OPTIONS);
  if (!Array.isArray(activations)) throw new TypeError(`activationCurves expects an array of activations, got ${describeValue(activations)}`);
  const from = options.from ?? -5;
  const to = options.to ?? 5;
  const points = options.points ?? 201;
  if (!(Number.isFinite(from) && Number.isFinite(to) && from < to)) throw new RangeError(`from and to must be finite with from < to, got ${showValue(from)} and ${showValue(to)}`);
  if (!Number.isInteger(points) || points < 2 || points > 1e6) throw new RangeError(`points must be an integer in [2, 1e6], got ${showValue(points)}`);
  if (!Array.isArray(activations) || activations.length === 0) throw new RangeError('activations must be a non-empty array of names');
  const x = Float64Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
  const curves = activations.map((ref) => {
    const act = resolve(ref);
    const f = act.forward(x);
    const df = act.derivative(x);
    let maxAbs = 0;
    for (let i = 0; i < points; i++) maxAbs = Math.max(maxAbs, Math.abs(df[i]));
    const vanishing = vanishingIntervals(act, from, to);
    return {
      name: act.name,
      params: act.params,
      formula: act.formula,
      derivativeFormula: act.derivativeFormula,
      f: Array.from(f),
      df: Array.from(df),
      properties: act.properties,
      maxAbsDerivative: maxAbs,
      vanishing,
    };
  });
  return { x: Array.from(x), curves };
}
