import type { KernelParams } from '../backend/contract.js';

/** A named, real-valued activation parameter with its legal range. */
export interface ParamSpec {
  readonly name: string;
  readonly default: number;
  /** Lower bound; `minExclusive` makes it strict. Omitted: any finite number. */
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly description: string;
}

export type Params = Readonly<Record<string, number>>;

/** Properties of the function as data (the columns of the classic comparison table). */
export interface ActivationProperties {
  /** Closure of the image of f over the reals, [lo, hi]; infinite ends are +-Infinity. */
  readonly range: readonly [number, number];
  /** The same with open/closed ends, as people write it: "(0, 1)", "[0, inf)". */
  readonly rangeText: string;
  /** f(0) = 0 and f takes values of both signs. */
  readonly zeroCentered: boolean;
  /** f is non-decreasing on the whole line. */
  readonly monotonic: boolean;
  /** f is differentiable everywhere (f' continuous). */
  readonly smooth: boolean;
  readonly boundedBelow: boolean;
  readonly boundedAbove: boolean;
  /** Where f' tends to 0: the vanishing-gradient signature. */
  readonly saturates: 'none' | 'negative' | 'positive' | 'both';
  /** f' is exactly 0 on a whole interval (units can die, as with ReLU). */
  readonly deadZone: boolean;
  readonly vanishingGradientRisk: 'low' | 'medium' | 'high';
  /** low: compares and multiplies; medium: one exp-like function; high: erf or several. */
  readonly cost: 'low' | 'medium' | 'high';
}

/** Tolerances and domain the accuracy and parity tests use for a row. */
export interface TestSpec {
  readonly paramSets: readonly Params[];
  readonly forwardUlp: number;
  readonly derivativeUlp: number;
}

/** Max ULP error per kind: [over |x| <= 4, over all fixture inputs]. */
export type MeasuredKinds = Readonly<Record<'forward' | 'derivative' | 'backward', readonly [number, number]>>;
export type MeasuredUlp = Readonly<Record<'float32' | 'float64', MeasuredKinds>>;

/** One row of the activation table: the single source of truth for API, docs and tests. */
export interface ActivationSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly params: readonly ParamSpec[];
  /** Cross-parameter rule (e.g. min < max); returns a message naming what is wrong. */
  readonly checkParams?: (p: Params) => string | undefined;
  /** Maps named params onto the two numbers the kernels take. */
  readonly kernelParams: (p: Params) => KernelParams;
  readonly formula: string;
  readonly derivativeFormula: string;
  /**
   * f' written as a function of the output y = f(x), for the activations whose derivative is one
   * (sigmoid, tanh): `backwardFromOutput(y, dy)` computes dy * f'(y) from a saved output, as
   * PyTorch's sigmoid_backward and tanh_backward do. The TypeScript math is in
   * src/backend/js/output-derivatives.ts, the C++ in native/kernels/activation/output_derivatives.h.
   */
  readonly derivativeFromOutput?: string;
  /** Conventions at points where f is not differentiable (PyTorch's). */
  readonly kinks: string;
  /** f and f' at -Infinity and +Infinity. */
  readonly limits: (p: Params) => {
    readonly forward: readonly [number, number];
    readonly derivative: readonly [number, number];
  };
  readonly properties: (p: Params) => ActivationProperties;
  readonly test: TestSpec;
  /** The measured maximum ULP errors (the README's accuracy table is generated from them). */
  readonly measuredUlp?: MeasuredUlp;
  /** Inputs where f or f' changes branch (kinks): the fixtures cover each with its neighbours. */
  readonly points?: (p: Params) => readonly number[];
  /** f' at each kink, as PyTorch gives it: [x, f'(x)] pairs (the conventions test holds both backends to them). */
  readonly kinkDerivatives?: (p: Params) => ReadonlyArray<readonly [number, number]>;
  /**
   * The exact math, as mpmath expressions in x and the params p (p['alpha']) that
   * tools/gen-reference.py evaluates at 100+ digits; helpers are those that script defines (sigm,
   * dsigm, splus, ncdf, npdf, sech2, ...). rootGuess: a start for the negative root of f', if any.
   */
  readonly reference: { readonly f: string; readonly df: string; readonly rootGuess?: (p: Params) => number };
}

export const DEFAULT_TOLERANCE = { forwardUlp: 4, derivativeUlp: 8 } as const;

/** An activation over each row of a row-major matrix (softmax): f needs the whole row. */
export interface RowwiseActivation {
  readonly name: string;
  forward(x: Float32Array, cols: number, out: Float32Array): void;
  /** dx from the output y and its gradient dy. */
  backward(y: Float32Array, dy: Float32Array, cols: number, out: Float32Array): void;
}
