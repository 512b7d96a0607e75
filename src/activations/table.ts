import { SELU_SCALE, SELU_SCALE_ALPHA } from '../selu-constants.js';
import { DEFAULT_TOLERANCE, type ActivationProperties, type ActivationSpec, type Params } from './spec.js';

/**
 * The activation table. Each row is read by the public registry, the README's table, the accuracy
 * and parity tests, and the benchmarks. Adding an activation means: a row here, its TypeScript
 * kernel (src/backend/js/activations.ts) and its C++ kernel (native/kernels/activation/).
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
const fmt = (v: number) => (v === inf ? 'inf' : v === -inf ? '-inf' : String(v));

export const ACTIVATION_TABLE: readonly ActivationSpec[] = [
  {
    name: 'sigmoid', aliases: ['logistic'], params: [], kernelParams: noParams,
    formula: '1 / (1 + exp(-x))', derivativeFormula: 'sigmoid(x) * sigmoid(-x)', kinks: 'none',
    limits: () => ({ forward: [0, 1], derivative: [0, 0] }),
    properties: () => props({ range: [0, 1], rangeText: '(0, 1)', saturates: 'both', vanishingGradientRisk: 'high' }),
    test: tests(),
  },
  {
    name: 'tanh', aliases: [], params: [], kernelParams: noParams,
    formula: 'tanh(x)', derivativeFormula: '1 - tanh(x)^2', kinks: 'none',
    limits: () => ({ forward: [-1, 1], derivative: [0, 0] }),
    properties: () => props({ range: [-1, 1], rangeText: '(-1, 1)', zeroCentered: true, saturates: 'both', vanishingGradientRisk: 'high' }),
    test: tests(),
  },
  {
    name: 'relu', aliases: [], params: [], kernelParams: noParams,
    formula: 'max(x, 0)', derivativeFormula: '1 if x > 0 else 0', kinks: "f'(0) = 0",
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({ range: [0, inf], rangeText: '[0, inf)', smooth: false, saturates: 'negative', deadZone: true, cost: 'low' }),
    test: tests(),
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
  },
  {
    name: 'gelu', aliases: [], params: [], kernelParams: noParams,
    formula: 'x * Phi(x) = 0.5 * x * erfc(-x / sqrt(2))', derivativeFormula: 'Phi(x) + x * phi(x)', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({
      range: [GELU_MIN, inf], rangeText: '[-0.17, inf)', zeroCentered: true, monotonic: false, saturates: 'negative', cost: 'high',
    }),
    test: tests(),
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
  },
  {
    name: 'silu', aliases: [], params: [], kernelParams: () => [1, 0],
    formula: 'x * sigmoid(x)', derivativeFormula: 'sigmoid(x) * (1 + x * sigmoid(-x))', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({
      range: [SILU_MIN, inf], rangeText: '[-0.278, inf)', zeroCentered: true, monotonic: false, saturates: 'negative',
    }),
    test: tests(),
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
  },
  {
    name: 'softplus', aliases: [],
    params: [{ name: 'beta', default: 1, min: 0, minExclusive: true, description: 'sharpness' }],
    kernelParams: (p) => [p.beta, 0],
    formula: 'log(1 + exp(beta * x)) / beta', derivativeFormula: 'sigmoid(beta * x)', kinks: 'none',
    limits: () => ({ forward: [0, inf], derivative: [0, 1] }),
    properties: () => props({ range: [0, inf], rangeText: '(0, inf)', saturates: 'negative', cost: 'high' }),
    test: tests({ beta: 1 }, { beta: 2 }, { beta: 0.3 }, { beta: 0.05 }, { beta: 20 }),
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
  },
  {
    name: 'softsign', aliases: [], params: [], kernelParams: noParams,
    formula: 'x / (1 + |x|)', derivativeFormula: '1 / (1 + |x|)^2', kinks: 'none',
    limits: () => ({ forward: [-1, 1], derivative: [0, 0] }),
    properties: () => props({
      range: [-1, 1], rangeText: '(-1, 1)', zeroCentered: true, saturates: 'both', vanishingGradientRisk: 'medium', cost: 'low',
    }),
    test: tests(),
  },
  {
    name: 'hardSigmoid', aliases: ['hard_sigmoid', 'hardsigmoid'], params: [], kernelParams: noParams,
    formula: 'relu6(x + 3) / 6', derivativeFormula: '1/6 if -3 < x < 3 else 0', kinks: "f'(-3) = f'(3) = 0",
    limits: () => ({ forward: [0, 1], derivative: [0, 0] }),
    properties: () => props({
      range: [0, 1], rangeText: '[0, 1]', smooth: false, saturates: 'both', deadZone: true, vanishingGradientRisk: 'high', cost: 'low',
    }),
    test: tests(),
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
  },
  {
    name: 'relu6', aliases: [], params: [], kernelParams: noParams,
    formula: 'min(max(x, 0), 6)', derivativeFormula: '1 if 0 < x < 6 else 0', kinks: "f'(0) = f'(6) = 0",
    limits: () => ({ forward: [0, 6], derivative: [0, 0] }),
    properties: () => props({
      range: [0, 6], rangeText: '[0, 6]', smooth: false, saturates: 'both', deadZone: true, vanishingGradientRisk: 'high', cost: 'low',
    }),
    test: tests(),
  },
  {
    name: 'logSigmoid', aliases: ['log_sigmoid', 'logsigmoid'], params: [], kernelParams: noParams,
    formula: '-softplus(-x) = -log(1 + exp(-x))', derivativeFormula: 'sigmoid(-x)', kinks: 'none',
    limits: () => ({ forward: [-inf, 0], derivative: [1, 0] }),
    properties: () => props({ range: [-inf, 0], rangeText: '(-inf, 0)', saturates: 'positive', cost: 'high' }),
    test: tests(),
  },
  {
    name: 'linear', aliases: ['identity'], params: [], kernelParams: noParams,
    formula: 'x', derivativeFormula: '1', kinks: 'none',
    limits: () => ({ forward: [-inf, inf], derivative: [1, 1] }),
    properties: () => props({ range: [-inf, inf], rangeText: '(-inf, inf)', zeroCentered: true, cost: 'low' }),
    test: tests(),
  },
];
