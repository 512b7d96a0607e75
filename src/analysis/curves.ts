/**
 * activationCurves: f and f' sampled on a grid for plotting, with each function's properties
 * (from the activation table) and what the samples show: the largest |f'| and the intervals where
 * the gradient vanishes (|f'| < 1e-3).
 */
import type { Activation } from '../activations/activation.js';
import { getActivation } from '../activations/registry.js';
import type { ActivationProperties, Params } from '../activations/spec.js';
import { checkOptions, type OptionNames } from '../options.js';
import { showValue, describeValue } from '../validate.js';

export const VANISHING_GRADIENT = 1e-3;

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
  /** Sampled intervals [a, b] where |f'| < 1e-3. */
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
    const vanishing: Array<[number, number]> = [];
    let start: number | null = null;
    let maxAbs = 0;
    for (let i = 0; i < points; i++) {
      maxAbs = Math.max(maxAbs, Math.abs(df[i]));
      const small = Math.abs(df[i]) < VANISHING_GRADIENT;
      if (small && start === null) start = x[i];
      if ((!small || i === points - 1) && start !== null) {
        vanishing.push([start, small ? x[i] : x[i - 1]]);
        start = null;
      }
    }
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
