import { SELU_SCALE, SELU_SCALE_ALPHA } from '../selu-constants.js';
import { DEFAULT_TOLERANCE, type ActivationProperties, type ActivationSpec, type MeasuredUlp, type Params } from './spec.js';

/**
 * The activation manifest: one row per activation, read by everything else. The public registry,
 * the tests (names, kinks, dead zones, tolerances), the analyses (dead units, saturation) and the
 * benchmarks read the rows at run time; tools/generate.mjs writes the rest from them: the C++ op
 * list (native/kernels/activation/activations.generated.h) and the include of each row's forms
 * (ops.generated.h beside it), the fixture parameter sets and exact
 * math for tools/gen-reference.py (tools/reference-cases.generated.json), and the README's
 * activation and accuracy tables (test/tools/generated.test.ts fails when any of those is stale).
 *
 * Adding an activation means: a row here, its TypeScript kernel (src/backend/js/activations.ts),
 * its C++ forms (native/kernels/activation/ops/<name>.h: the scalar twin, and vector forms where
 * they pay), then `npm run generate` and `npm run fixtures -- <name>`. Nothing else is edited by hand.
 */

/** Minimum values of the non-monotonic activations: f(x0) where f'(x0) = 0 (mpmath, 40 digits). */
const GELU_MIN = -0.16997120747990366169;
const GELU_TANH_MIN = -0.17004075057125405064;
const SILU_MIN = -0.27846454276107379511;
const MISH_MIN = -0.30884341301725040663;

const inf = Infinity;

/** Properties with the defaults most rows share; rows state what differs. */
function props(p: Partial<ActivationProperties> & Pick<ActivationProperties, 'range' | 'rangeText'>): ActivationProperties {
  const [lo, hi] = p.range;
  return {
    zeroCentered: false,
    monotonic: true,
    smooth: true,
    boundedBelow: Number.isFinite(lo),
    boundedAbove: Number.isFinite(hi),
    saturates: 'none',
    deadZone: false,
    vanishingGradientRisk: 'low',
    cost: 'medium',
    ...p,
  };
}

const noParams = (): readonly [number, number] => [0, 0];
const tests = (...paramSets: Params[]) => ({ paramSets: paramSets.length ? paramSets : [{}], ...DEFAULT_TOLERANCE });
/**
 * The measured maximum ULP errors, float32 then float64, each forward, derivative, backward:
 * over |x| <= 4, or [over |x| <= 4, over all fixture inputs] where the latter is larger; the
 * maximum over both backends and every instruction set, rounded up. `node tools/accuracy-table.mjs`
 * measures and rewrites them; the README's accuracy table is generated from them. test/accuracy
 * holds every kernel to the row's contract (`test`) and fails when one measures more than these.
 */
function measured(...cells: Array<number | readonly [number, number]>): MeasuredUlp {
  const cell = (c: number | readonly [number, number]) => (typeof c === 'number' ? [c, c] as const : c);
  const kinds = (a: number) => ({ forward: cell(cells[a]), derivative: cell(cells[a + 1]), backward: cell(cells[a + 2]) });
  return { float32: kinds(0), float64: kinds(3) };
}
const fmt = (v: number) => (v === inf ? 'inf' : v === -inf ? '-inf' : String(v));

export const ACTIVATION_TABLE: readonly ActivationSpec[] = [
  {
    name: 'sigmoid', aliases: ['logistic'], params: [], kernelParams: noParams,
    formula: '1 / (1 + exp(-x))', derivativeFormula: 'sigmoid(x) * sigmoid(-x)', kinks: 'none',
    derivativeFromOutput: 'y * (1 - y)',
    limits: () => ({ forward: [0, 1], derivative: [0, 0] }),
    properties: () => props({ range: [0, 1], rangeText: '(0, 1)', saturates: 'both', vanishingGradientRisk: 'high' }),
    test: tests(),
    measuredUlp: measured(1.50, [2.04, 2.54], 3.47, [1.00, 1.03], [2.46, 2.96], [2.87, 3.44]),
    reference: { f: "sigm(x)", df: "dsigm(x)" },
  },
  {
    name: 'tanh', aliases: [], params: [], kernelParams: noParams,
    formula: 'tanh(x)', derivativeFormula: '1 - tanh(x)^2', kinks: 'none',
    derivativeFromOutput: '1 - y^2',
    limits: () => ({ forward: [-1, 1], derivative: [0, 0] }),
    properties: () => props({ range: [-1, 1], rangeText: '(-1, 1)', zeroCentered: true, saturates: 'both', vanishingGradientRisk: 'high' }),
    test: tests(),
    measuredUlp: measured(1.40, 2.93, 4.36, 1.43, 1.10, 1.71),
    reference: { f: "mp.tanh(x)", df: "sech2(x)" },
  },
  {
    name: 'relu', aliases: [], params: [], kernelParams: noParams,
    formula: 'max(x, 0)', derivativeFormula: '1 if x > 0 else 0', kinks: "f'(0) = 0",
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({ range: [0, inf], rangeText: '[0, inf)', smooth: false, saturates: 'negative', deadZone: true, cost: 'low' }),
    test: tests(),
    points: () => [0],
    kinkDerivatives: () => [[0, 0]],
    measuredUlp: measured(0.00, 0.00, 0.00, 0.00, 0.00, 0.00),
    reference: { f: "x if x > 0 else ZERO", df: "ONE if x > 0 else ZERO" },
  },
  {
    name: 'leakyRelu', aliases: ['leaky_relu', 'leakyrelu'],
    params: [{ name: 'alpha', default: 0.01, min: 0, description: 'slope for x < 0' }],
    kernelParams: (p) => [p.alpha, 0],
    formula: 'x if x > 0 else alpha * x', derivativeFormula: '1 if x > 0 else alpha', kinks: "f'(0) = alpha",
    limits: (p) => ({ forward: [p.alpha > 0 ? -inf : 0, inf], derivative: [p.alpha, 1] }),
    properties: (p) => props({
      range: [p.alpha > 0 ? -inf : 0, inf], rangeText: p.alpha > 0 ? '(-inf, inf)' : '[0, inf)',
      zeroCentered: p.alpha > 0, smooth: p.alpha === 1,
      saturates: p.alpha > 0 ? 'none' : 'negative', deadZone: p.alpha === 0, cost: 'low',
    }),
    test: tests({ alpha: 0.01 }, { alpha: 0.2 }),
    points: () => [0],
    kinkDerivatives: (p) => [[0, p.alpha]],
    measuredUlp: measured(0.60, 0.24, 0.84, 0.50, 0.00, 0.50),
    reference: { f: "x if x > 0 else p['alpha'] * x", df: "ONE if x > 0 else p['alpha']" },
  },
  {
    name: 'elu', aliases: [],
    params: [{ name: 'alpha', default: 1, min: 0, minExclusive: true, description: 'negative saturation value' }],
    kernelParams: (p) => [p.alpha, 0],
    formula: 'x if x > 0 else alpha * (exp(x) - 1)', derivativeFormula: '1 if x > 0 else alpha * exp(x)',
    kinks: "f'(0) = alpha",
    limits: (p) => ({ forward: [-p.alpha, inf], derivative: [0, 1] }),
    properties: (p) => props({
      range: [-p.alpha, inf], rangeText: `(${-p.alpha}, inf)`, zeroCentered: true, smooth: p.alpha === 1, saturates: 'negative',
    }),
    test: tests({ alpha: 1 }, { alpha: 0.5 }, { alpha: 1000 }),
    points: () => [0],
    kinkDerivatives: (p) => [[0, p.alpha]],
    measuredUlp: measured(0.97, [1.01, 1.34], 1.70, 1.13, [1.06, 1.07], 1.81),
    reference: { f: "x if x > 0 else p['alpha'] * mp.expm1(x)", df: "ONE if x > 0 else p['alpha'] * mp.exp(x)" },
  },
  {
    name: 'selu', aliases: [], params: [], kernelParams: noParams,
    formula: 'scale * (x if x > 0 else alpha * (exp(x) - 1)), alpha = 1.6732632423543772, scale = 1.0507009873554805',
    derivativeFormula: 'scale if x > 0 else scale * alpha * exp(x)', kinks: "f'(0) = scale * alpha",
    limits: () => ({ forward: [-SELU_SCALE_ALPHA, inf], derivative: [0, SELU_SCALE] }),
    properties: () => props({
      range: [-SELU_SCALE_ALPHA, inf], rangeText: '(-1.7581, inf)', zeroCentered: true, smooth: false, saturates: 'negative',
    }),
    test: tests(),
    points: () => [0],
    measuredUlp: measured(0.89, [1.16, 1.28], [1.40, 1.67], 1.02, [1.19, 1.22], [1.47, 1.53]),
    kinkDerivatives: () => [[0, SELU_SCALE_ALPHA]],
    reference: { f: "selu_scale() * (x if x > 0 else selu_alpha() * mp.expm1(x))", df: "selu_scale() * (ONE if x > 0 else selu_alpha() * mp.exp(x))" },
  },
  {
    name: 'celu', aliases: [],
    params: [{ name: 'alpha', default: 1, min: 0, minExclusive: true, description: 'negative saturation value and scale' }],
    kernelParams: (p) => [p.alpha, 0],
    formula: 'x if x > 0 else alpha * (exp(x / alpha) - 1)', derivativeFormula: '1 if x > 0 else exp(x / alpha)', kinks: 'none',
    limits: (p) => ({ forward: [-p.alpha, inf], derivative: [0, 1] }),
    properties: (p) => props({ range: [-p.alpha, inf], rangeText: `(${-p.alpha}, inf)`, zeroCentered: true, saturates: 'negative' }),
    // 0.05 and 1000: x / alpha leaves the float32 lanes' domain early, or underflows (found by fuzzing)
    test: tests({ alpha: 1 }, { alpha: 2 }, { alpha: 0.05 }, { alpha: 1000 }),
    points: () => [0],
    measuredUlp: measured([1.19, 1.27], 0.50, 0.50, [1.21, 1.39], 1.08, 1.51),
    reference: { f: "x if x > 0 else p['alpha'] * mp.expm1(x / p['alpha'])", df: "ONE if x > 0 else mp.exp(x / p['alpha'])" },
  },
  {
    name: 'gelu', aliases: [], params: [], kernelParams: noParams,
    formula: 'x * Phi(x) = 0.5 * x * erfc(-x / sqrt(2))', derivativeFormula: 'Phi(x) + x * phi(x)', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({
      range: [GELU_MIN, inf], rangeText: '[-0.17, inf)', zeroCentered: true, monotonic: false, saturates: 'negative', cost: 'high',
    }),
    test: tests(),
    measuredUlp: measured([1.62, 1.98], 2.93, 2.32, [1.09, 1.19], 2.13, 2.22),
    reference: { f: "x * ncdf(x)", df: "ncdf(x) + x * npdf(x)", rootGuess: () => -0.7518 },
  },
  {
    name: 'geluTanh', aliases: ['gelu_tanh', 'gelutanh', 'gelu_approximate'], params: [], kernelParams: noParams,
    formula: '0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))',
    derivativeFormula: 'sigmoid(v) + x * sigmoid(v) * sigmoid(-v) * v\'(x), v = 2 sqrt(2/pi) (x + 0.044715 x^3)', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({
      range: [GELU_TANH_MIN, inf], rangeText: '[-0.17, inf)', zeroCentered: true, monotonic: false, saturates: 'negative',
    }),
    test: tests(),
    measuredUlp: measured(1.65, 0.50, 0.50, 1.39, 1.28, [2.03, 2.43]),
    reference: { f: "x * sigm(gelu_tanh_parts(x)[0])", df: "gelu_tanh_df(x)", rootGuess: () => -0.75 },
  },
  {
    name: 'silu', aliases: [], params: [], kernelParams: () => [1, 0],
    formula: 'x * sigmoid(x)', derivativeFormula: 'sigmoid(x) * (1 + x * sigmoid(-x))', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({
      range: [SILU_MIN, inf], rangeText: '[-0.278, inf)', zeroCentered: true, monotonic: false, saturates: 'negative',
    }),
    test: tests(),
    measuredUlp: measured([1.36, 1.84], 2.82, 3.11, [1.03, 1.10], [2.45, 2.47], [3.11, 3.35]),
    reference: { f: "x * sigm(x)", df: "sigm(x) + x * dsigm(x)", rootGuess: () => -1.2785 },
  },
  {
    name: 'swish', aliases: [],
    params: [{ name: 'beta', default: 1, min: 0, minExclusive: true, description: 'sigmoid gain' }],
    kernelParams: (p) => [p.beta, 0],
    formula: 'x * sigmoid(beta * x)', derivativeFormula: 'sigmoid(u) * (1 + u * sigmoid(-u)), u = beta * x', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: (p) => props({
      range: [SILU_MIN / p.beta, inf], rangeText: `[${(SILU_MIN / p.beta).toPrecision(3)}, inf)`, zeroCentered: true,
      monotonic: false, saturates: 'negative',
    }),
    test: tests({ beta: 1 }, { beta: 0.5 }, { beta: 1.702 }, { beta: 0.05 }, { beta: 20 }),
    measuredUlp: measured([1.82, 1.84], 3.77, [3.46, 3.74], [1.28, 1.39], [2.87, 3.16], 3.52),
    reference: { f: "x * sigm(p['beta'] * x)", df: "sigm(p['beta'] * x) + p['beta'] * x * dsigm(p['beta'] * x)", rootGuess: (p) => -1.2785 / p.beta },
  },
  {
    name: 'softplus', aliases: [],
    params: [{ name: 'beta', default: 1, min: 0, minExclusive: true, description: 'sharpness' }],
    kernelParams: (p) => [p.beta, 0],
    formula: 'log(1 + exp(beta * x)) / beta', derivativeFormula: 'sigmoid(beta * x)', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({ range: [0, inf], rangeText: '(0, inf)', saturates: 'negative', cost: 'high' }),
    test: tests({ beta: 1 }, { beta: 2 }, { beta: 0.3 }, { beta: 0.05 }, { beta: 20 }),
    measuredUlp: measured(1.85, 1.44, [1.59, 1.79], 1.94, [1.04, 1.07], 2.03),
    reference: { f: "splus(p['beta'] * x) / p['beta']", df: "sigm(p['beta'] * x)" },
  },
  {
    name: 'mish', aliases: [], params: [], kernelParams: noParams,
    formula: 'x * tanh(softplus(x))', derivativeFormula: 'tanh(sp) + x * sigmoid(x) * (1 - tanh(sp)^2), sp = softplus(x)',
    kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({
      range: [MISH_MIN, inf], rangeText: '[-0.309, inf)', zeroCentered: true, monotonic: false, saturates: 'negative', cost: 'high',
    }),
    test: tests(),
    measuredUlp: measured(0.50, 0.50, 0.61, 1.29, 1.68, 2.63),
    reference: { f: "x * mp.tanh(splus(x))", df: "mp.tanh(splus(x)) + x * sech2(splus(x)) * sigm(x)", rootGuess: () => -1.19 },
  },
  {
    name: 'softsign', aliases: [], params: [], kernelParams: noParams,
    formula: 'x / (1 + |x|)', derivativeFormula: '1 / (1 + |x|)^2', kinks: 'none',
    limits: () => ({ forward: [-1, 1], derivative: [0, 0] }),
    properties: () => props({
      range: [-1, 1], rangeText: '(-1, 1)', zeroCentered: true, saturates: 'both', vanishingGradientRisk: 'medium', cost: 'low',
    }),
    test: tests(),
    points: () => [0],
    measuredUlp: measured([1.23, 1.33], [2.89, 2.97], 2.85, [0.85, 1.34], [0.50, 1.00], 1.18),
    reference: { f: "x / (1 + abs(x))", df: "1 / (1 + abs(x)) ** 2" },
  },
  {
    name: 'hardSigmoid', aliases: ['hard_sigmoid', 'hardsigmoid'], params: [], kernelParams: noParams,
    formula: 'relu6(x + 3) / 6', derivativeFormula: '1/6 if -3 < x < 3 else 0', kinks: "f'(-3) = f'(3) = 0",
    limits: () => ({ forward: [0, 1], derivative: [0, 0] }),
    properties: () => props({
      range: [0, 1], rangeText: '[0, 1]', smooth: false, saturates: 'both', deadZone: true, vanishingGradientRisk: 'high', cost: 'low',
    }),
    test: tests(),
    points: () => [-3.0, 3.0],
    kinkDerivatives: () => [[-3, 0], [3, 0]],
    measuredUlp: measured(1.00, 0.34, 0.67, 0.67, 0.34, 0.67),
    reference: { f: "ZERO if x <= -3 else ONE if x >= 3 else x / 6 + ONE / 2", df: "ONE / 6 if -3 < x < 3 else ZERO" },
  },
  {
    name: 'hardSwish', aliases: ['hard_swish', 'hardswish', 'hard_silu'], params: [], kernelParams: noParams,
    formula: 'x * relu6(x + 3) / 6', derivativeFormula: '0 if x < -3, 1 if x > 3, else (2x + 3) / 6',
    kinks: "f'(-3) = -0.5, f'(3) = 1.5",
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({
      range: [-0.375, inf], rangeText: '[-0.375, inf)', zeroCentered: true, monotonic: false, smooth: false,
      saturates: 'negative', deadZone: true, cost: 'low',
    }),
    test: tests(),
    points: () => [-3.0, 3.0],
    kinkDerivatives: () => [[-3, -0.5], [3, 1.5]],
    measuredUlp: measured(1.43, 1.00, 1.96, 1.00, 0.67, 1.04),
    reference: { f: "ZERO if x <= -3 else x if x >= 3 else x * (x + 3) / 6", df: "ZERO if x < -3 else ONE if x > 3 else (2 * x + 3) / 6" },
  },
  {
    name: 'hardTanh', aliases: ['hard_tanh', 'hardtanh'],
    params: [
      { name: 'min', default: -1, description: 'lower clamp' },
      { name: 'max', default: 1, description: 'upper clamp' },
    ],
    checkParams: (p) => (p.min < p.max ? undefined : `min (${p.min}) must be less than max (${p.max})`),
    kernelParams: (p) => [p.min, p.max],
    formula: 'min(max(x, min), max)', derivativeFormula: '1 if min < x < max else 0', kinks: "f'(min) = f'(max) = 0",
    limits: (p) => ({ forward: [p.min, p.max], derivative: [0, 0] }),
    properties: (p) => props({
      range: [p.min, p.max], rangeText: `[${fmt(p.min)}, ${fmt(p.max)}]`, zeroCentered: p.min < 0 && p.max > 0, smooth: false,
      saturates: 'both', deadZone: true, vanishingGradientRisk: 'high', cost: 'low',
    }),
    test: tests({ min: -1, max: 1 }, { min: -2, max: 0.5 }),
    points: (p) => [p.min, p.max],
    kinkDerivatives: (p) => [[p.min, 0], [p.max, 0]],
    measuredUlp: measured(0.00, 0.00, 0.00, 0.00, 0.00, 0.00),
    reference: { f: "p['min'] if x <= p['min'] else p['max'] if x >= p['max'] else x", df: "ONE if p['min'] < x < p['max'] else ZERO" },
  },
  {
    name: 'relu6', aliases: [], params: [], kernelParams: noParams,
    formula: 'min(max(x, 0), 6)', derivativeFormula: '1 if 0 < x < 6 else 0', kinks: "f'(0) = f'(6) = 0",
    limits: () => ({ forward: [0, 6], derivative: [0, 0] }),
    properties: () => props({
      range: [0, 6], rangeText: '[0, 6]', smooth: false, saturates: 'both', deadZone: true, vanishingGradientRisk: 'high', cost: 'low',
    }),
    test: tests(),
    points: () => [0.0, 6.0],
    kinkDerivatives: () => [[0, 0], [6, 0]],
    measuredUlp: measured(0.00, 0.00, 0.00, 0.00, 0.00, 0.00),
    reference: { f: "ZERO if x <= 0 else mpf(6) if x >= 6 else x", df: "ONE if 0 < x < 6 else ZERO" },
  },
  {
    name: 'softShrink', aliases: ['soft_shrink', 'softshrink'],
    params: [{ name: 'lambd', default: 0.5, min: 0, description: 'half-width of the zero band' }],
    kernelParams: (p) => [p.lambd, 0],
    formula: 'x - lambd if x > lambd, x + lambd if x < -lambd, else 0', derivativeFormula: '1 if |x| > lambd else 0',
    kinks: "f'(-lambd) = f'(lambd) = 0",
    limits: () => ({ forward: [-inf, inf], derivative: [1, 1] }),
    properties: (p) => props({
      range: [-inf, inf], rangeText: '(-inf, inf)', zeroCentered: true, smooth: false, deadZone: p.lambd > 0, cost: 'low',
    }),
    test: tests({ lambd: 0.5 }, { lambd: 0.1 }, { lambd: 0 }),
    points: (p) => [-p.lambd, p.lambd],
    kinkDerivatives: (p) => [[-p.lambd, 0], [p.lambd, 0]],
    measuredUlp: measured([0.41, 0.50], 0.00, 0.00, 0.50, 0.00, 0.00),
    reference: { f: "x - p['lambd'] if x > p['lambd'] else x + p['lambd'] if x < -p['lambd'] else ZERO", df: "ONE if abs(x) > p['lambd'] else ZERO" },
  },
  {
    name: 'hardShrink', aliases: ['hard_shrink', 'hardshrink'],
    params: [{ name: 'lambd', default: 0.5, min: 0, description: 'half-width of the zero band' }],
    kernelParams: (p) => [p.lambd, 0],
    formula: 'x if |x| > lambd else 0', derivativeFormula: '1 if |x| > lambd else 0',
    kinks: "f'(-lambd) = f'(lambd) = 0",
    limits: () => ({ forward: [-inf, inf], derivative: [1, 1] }),
    properties: (p) => props({
      range: [-inf, inf], rangeText: '(-inf, inf)', zeroCentered: true, smooth: false, deadZone: p.lambd > 0, cost: 'low',
    }),
    test: tests({ lambd: 0.5 }, { lambd: 0.1 }, { lambd: 0 }),
    points: (p) => [-p.lambd, p.lambd],
    kinkDerivatives: (p) => [[-p.lambd, 0], [p.lambd, 0]],
    measuredUlp: measured(0.00, 0.00, 0.00, 0.00, 0.00, 0.00),
    reference: { f: "x if abs(x) > p['lambd'] else ZERO", df: "ONE if abs(x) > p['lambd'] else ZERO" },
  },
  {
    name: 'tanhShrink', aliases: ['tanh_shrink', 'tanhshrink'], params: [], kernelParams: noParams,
    formula: 'x - tanh(x)', derivativeFormula: 'tanh(x)^2', kinks: 'none',
    limits: () => ({ forward: [-inf, inf], derivative: [1, 1] }),
    properties: () => props({ range: [-inf, inf], rangeText: '(-inf, inf)', zeroCentered: true }),
    test: tests(),
    // where the kernels change form (series, tanh(2y) from y, 2e / (1 + e), a - 1)
    points: () => [-40, -1, -0.5, 0.5, 1, 40],
    measuredUlp: measured(0.50, 3.05, 3.32, 0.95, 3.53, 3.97),
    // x - tanh(x) cancels as x^3 / 3 below 1: evaluated there with 2 |log2 x| more bits
    reference: {
      f: "ZERO if x == 0 else x - mp.tanh(x) if abs(x) >= 1 else mp.workprec(mp.prec - 2 * mp.mag(x) + 8)(lambda x=x: x - mp.tanh(x))()",
      df: "mp.tanh(x) ** 2",
    },
  },
  {
    name: 'logSigmoid', aliases: ['log_sigmoid', 'logsigmoid'], params: [], kernelParams: noParams,
    formula: '-softplus(-x) = -log(1 + exp(-x))', derivativeFormula: 'sigmoid(-x)', kinks: 'none',
    limits: () => ({ forward: [-inf, 0], derivative: [1, 0] }),
    properties: () => props({ range: [-inf, 0], rangeText: '(-inf, 0)', saturates: 'positive', cost: 'high' }),
    test: tests(),
    measuredUlp: measured(1.02, 1.38, 1.41, [1.03, 1.09], [1.32, 1.79], [1.86, 2.08]),
    reference: { f: "-splus(-x)", df: "sigm(-x)" },
  },
  {
    name: 'linear', aliases: ['identity'], params: [], kernelParams: noParams,
    formula: 'x', derivativeFormula: '1', kinks: 'none',
    limits: () => ({ forward: [-inf, inf], derivative: [1, 1] }),
    properties: () => props({ range: [-inf, inf], rangeText: '(-inf, inf)', zeroCentered: true, cost: 'low' }),
    test: tests(),
    measuredUlp: measured(0.00, 0.00, 0.00, 0.00, 0.00, 0.00),
    reference: { f: "x", df: "ONE" },
  },
];
