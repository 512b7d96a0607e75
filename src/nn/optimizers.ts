/**
 * Optimizers as Keras and tfjs name them: sgd, adam, adamw, rmsprop, each a factory of options
 * with Keras' defaults. The update itself is one fused backend call (Backend.optimizerStep) over a
 * model's whole parameter arena, or per parameter array when they are apart; this file keeps the
 * state arrays and the step count.
 */
import { OPTIMIZER_SLOTS, type OptimizerHyper, type OptimizerKind } from '../backend/contract.js';
import { getBackendImpl } from '../backend/select.js';
import { clipGradient, type Clipping } from './clipping.js';
import type { Param } from './layers/layer.js';
import { SpanFinder } from './param-arena.js';
import { checkOptions, didYouMean, type OptionNames } from '../options.js';
import { showValue } from '../validate.js';

export interface OptimizerConfig {
  readonly kind: OptimizerKind;
  readonly hyper: OptimizerHyper;
  /** Gradient clipping before each step (clipping.ts), when asked for. */
  readonly clipNorm?: number;
  readonly clipValue?: number;
}

/** Every optimizer's clipping options (Keras' clipnorm and clipvalue). */
export interface ClipOptions {
  /** Rescale each parameter array's gradient to an L2 norm of at most this. */
  clipNorm?: number;
  /** Clamp each gradient element to [-clipValue, clipValue]. */
  clipValue?: number;
}
const CLIP_OPTIONS: OptionNames<ClipOptions> = { clipNorm: true, clipValue: true };

/** The clipping fields of a config: only those given, each a positive number. */
function clipping(options: ClipOptions): Clipping {
  return {
    ...(options.clipNorm === undefined ? {} : { clipNorm: positive(options.clipNorm, 'clipNorm') }),
    ...(options.clipValue === undefined ? {} : { clipValue: positive(options.clipValue, 'clipValue') }),
  };
}

function positive(value: number, name: string): number {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) throw new RangeError(`${name} must be a positive number, got ${showValue(value)}`);
  return value;
}
function fraction(value: number, name: string): number {
  if (!(typeof value === 'number' && value >= 0 && value < 1)) throw new RangeError(`${name} must be in [0, 1), got ${showValue(value)}`);
  return value;
}

export interface SgdOptions extends ClipOptions {
  learningRate?: number;
  momentum?: number;
  nesterov?: boolean;
}
const SGD_OPTIONS: OptionNames<SgdOptions> = { learningRate: true, momentum: true, nesterov: true, ...CLIP_OPTIONS };

export function sgd(options: SgdOptions = {}): OptimizerConfig {
  checkOptions(options, 'sgd()', SGD_OPTIONS);
  return {
    kind: 'sgd',
    hyper: {
      learningRate: positive(options.learningRate ?? 0.01, 'learningRate'),
      beta1: fraction(options.momentum ?? 0, 'momentum'),
      beta2: 0,
      epsilon: 0,
      weightDecay: 0,
      nesterov: options.nesterov ?? false,
    },
    ...clipping(options),
  };
}

export interface AdamOptions extends ClipOptions {
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}
const ADAM_OPTIONS: OptionNames<AdamOptions> = { learningRate: true, beta1: true, beta2: true, epsilon: true, ...CLIP_OPTIONS };

export interface AdamWOptions extends AdamOptions {
  weightDecay?: number;
}
const ADAMW_OPTIONS: OptionNames<AdamWOptions> = { ...ADAM_OPTIONS, weightDecay: true };

export interface RmspropOptions extends ClipOptions {
  learningRate?: number;
  rho?: number;
  epsilon?: number;
}
const RMSPROP_OPTIONS: OptionNames<RmspropOptions> = { learningRate: true, rho: true, epsilon: true, ...CLIP_OPTIONS };

export function adam(options: AdamOptions = {}): OptimizerConfig {
  checkOptions(options, 'adam()', ADAM_OPTIONS);
  return {
    kind: 'adam',
    hyper: {
      learningRate: positive(options.learningRate ?? 0.001, 'learningRate'),
      beta1: fraction(options.beta1 ?? 0.9, 'beta1'),
      beta2: fraction(options.beta2 ?? 0.999, 'beta2'),
      epsilon: positive(options.epsilon ?? 1e-7, 'epsilon'),
      weightDecay: 0,
      nesterov: false,
    },
    ...clipping(options),
  };
}

export function adamw(options: AdamWOptions = {}): OptimizerConfig {
  checkOptions(options, 'adamw()', ADAMW_OPTIONS);
  const { weightDecay: _, ...adamOptions } = options;
  const base = adam(adamOptions);
  const weightDecay = options.weightDecay ?? 0.004;
  if (!(typeof weightDecay === 'number' && weightDecay >= 0 && Number.isFinite(weightDecay))) throw new RangeError(`weightDecay must be >= 0, got ${showValue(weightDecay)}`);
  return { ...base, kind: 'adamw', hyper: { ...base.hyper, weightDecay } };
}

export function rmsprop(options: RmspropOptions = {}): OptimizerConfig {
  checkOptions(options, 'rmsprop()', RMSPROP_OPTIONS);
  return {
    kind: 'rmsprop',
    hyper: {
      learningRate: positive(options.learningRate ?? 0.001, 'learningRate'),
      beta1: fraction(options.rho ?? 0.9, 'rho'),
      beta2: 0,
      epsilon: positive(options.epsilon ?? 1e-7, 'epsilon'),
      weightDecay: 0,
      nesterov: false,
    },
    ...clipping(options),
  };
}

const BY_NAME: Record<string, () => OptimizerConfig> = { sgd, adam, adamw, rmsprop };

/** A name in any case ('Adam', 'SGD', 'RMSprop', as Keras spells its classes) or a config from sgd(), adam(), ... */
export function resolveOptimizer(arg: string | OptimizerConfig): OptimizerConfig {
  if (typeof arg === 'string') {
    const name = arg.toLowerCase();
    const make = Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined; // not 'toString' from the prototype
    if (!make) {
      const names = Object.keys(BY_NAME);
      throw new RangeError(`optimizer must be one of ${names.join(', ')} or a config from sgd()/adam()/..., got ${showValue(arg)}${didYouMean(name, names)}`);
    }
    return make();
  }
  if (!arg || typeof arg !== 'object' || !Object.hasOwn(OPTIMIZER_SLOTS, arg.kind)) throw new TypeError('optimizer must be a name or a config from sgd(), adam(), adamw() or rmsprop()');
  return arg;
}

/**
 * An optimizer bound to a model's parameters: its state, step count and learning rate (which
 * callbacks such as reduceLROnPlateau change between steps, as Keras' optimizer.learning_rate).
 */
export class OptimizerState {
  private step = 0;
  private readonly slots = new Map<Param, Float32Array[]>();
  private hyper: OptimizerHyper;
  // views over the whole of a contiguous parameter list (param-arena.ts): values, gradients, slots
  private readonly spans: SpanFinder[];

  constructor(private readonly initial: OptimizerConfig) {
    this.hyper = initial.hyper;
    this.spans = Array.from({ length: 2 + OPTIMIZER_SLOTS[initial.kind] }, () => new SpanFinder());
  }

  /** The config with the current learning rate (what a saved model stores). */
  get config(): OptimizerConfig {
    return { ...this.initial, hyper: this.hyper };
  }

  get learningRate(): number {
    return this.hyper.learningRate;
  }

  set learningRate(value: number) {
    this.hyper = { ...this.hyper, learningRate: positive(value, 'learningRate') };
  }

  /**
   * One step on every param. When the values, gradients and state of the list each lie back to back
   * in one array (a model's parameter arena, and the state this allocates for it), the update is one
   * backend call over all of them; otherwise one call per param. Clipping stays per param.
   */
  apply(params: readonly Param[]): void {
    this.step++;
    const backend = getBackendImpl();
    const { kind, clipNorm, clipValue } = this.initial;
    this.allocateSlots(params);
    if (clipNorm !== undefined || clipValue !== undefined) for (const p of params) clipGradient(p.grad, { clipNorm, clipValue });
    const n = params.length;
    const values = this.spans[0].find(n, (i) => params[i].value);
    const grads = values && this.spans[1].find(n, (i) => params[i].grad);
    const slots: Float32Array[] = [];
    for (let k = 0; grads && k < OPTIMIZER_SLOTS[kind]; k++) {
      const span = this.spans[2 + k].find(n, (i) => this.slots.get(params[i])![k]);
      if (!span) break;
      slots.push(span);
    }
    if (values && grads && slots.length === OPTIMIZER_SLOTS[kind]) {
      backend.optimizerStep(kind, values, grads, slots, this.hyper, this.step);
      return;
    }
    for (const p of params) backend.optimizerStep(kind, p.value, p.grad, this.slots.get(p)!, this.hyper, this.step);
  }

  /** Zeroed state for the params that have none yet: one array per slot for all of them, a view per param. */
  private allocateSlots(params: readonly Param[]): void {
    if (params.every((p) => this.slots.has(p))) return;
    const fresh = params.filter((p) => !this.slots.has(p));
    const total = fresh.reduce((sum, p) => sum + p.value.length, 0);
    const arrays = Array.from({ length: OPTIMIZER_SLOTS[this.initial.kind] }, () => new Float32Array(total));
    let at = 0;
    for (const p of fresh) {
      const end = at + p.value.length;
      this.slots.set(p, arrays.map((array) => array.subarray(at, end)));
      at = end;
    }
  }
}
