/**
 * Weight regularizers, Keras' L1 and L2: a dense layer's kernelRegularizer adds
 * l1 * sum(|w|) + l2 * sum(w^2) to the loss (Keras' formula: no 1/2 on the square) and
 * l1 * sign(w) + 2 * l2 * w to the kernel's gradient. The model adds both once per batch, above
 * the backend, so every backend and optimizer gets them; the reported loss (training, validation
 * and evaluate) includes the penalty, as in Keras.
 */
import { checkOptions, type OptionNames } from '../options.js';
import { describeValue, isRecord, showValue } from '../validate.js';

export interface Regularizer {
  readonly l1: number;
  readonly l2: number;
}

export interface L1L2Options {
  l1?: number;
  l2?: number;
}
const L1L2_OPTIONS: OptionNames<L1L2Options> = { l1: true, l2: true };

function factor(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number >= 0, got ${showValue(value)}`);
  return value;
}

/** L1: l1 * sum(|w|) (Keras' default factor 0.01). */
export function l1(l1 = 0.01): Regularizer {
  return { l1: factor(l1, 'l1'), l2: 0 };
}

/** L2: l2 * sum(w^2) (Keras' default factor 0.01). */
export function l2(l2 = 0.01): Regularizer {
  return { l1: 0, l2: factor(l2, 'l2') };
}

/** Both (Keras' l1_l2 / L1L2; each factor 0 unless given). */
export function l1l2(options: L1L2Options = {}): Regularizer {
  checkOptions(options, 'l1l2()', L1L2_OPTIONS);
  return { l1: factor(options.l1 ?? 0, 'l1'), l2: factor(options.l2 ?? 0, 'l2') };
}

/** What kernelRegularizer takes: l1(...), l2(...), l1l2(...), a plain { l1, l2 }, or 'l1' / 'l2' (default factors). */
export type RegularizerArg = Regularizer | L1L2Options | 'l1' | 'l2';

export function resolveRegularizer(arg: unknown): Regularizer | null {
  if (arg === undefined || arg === null) return null;
  if (arg === 'l1') return l1();
  if (arg === 'l2') return l2();
  if (!isRecord(arg)) throw new TypeError(`kernelRegularizer must be l1(f), l2(f), l1l2({ l1, l2 }), { l1, l2 }, 'l1' or 'l2', got ${describeValue(arg)}`);
  checkOptions(arg, 'kernelRegularizer', L1L2_OPTIONS);
  return l1l2(arg as L1L2Options);
}

/** What the penalty reads of a parameter (a layer's Param has these). */
interface Regularized {
  readonly regularizer?: Regularizer | null;
  readonly value: Float32Array;
  readonly grad: Float32Array;
}

/** The penalty of every regularized param (0 when none is). */
export function regularizationLoss(params: readonly Regularized[]): number {
  let total = 0;
  for (const { regularizer: r, value } of params) {
    if (!r) continue;
    for (let i = 0; i < value.length; i++) total += r.l1 * Math.abs(value[i]) + r.l2 * value[i] * value[i];
  }
  return total;
}

/** Adds each regularized param's penalty gradient to its grad. */
export function addRegularizationGradients(params: readonly Regularized[]): void {
  for (const { regularizer: r, value, grad } of params) {
    if (!r) continue;
    for (let i = 0; i < value.length; i++) grad[i] += r.l1 * Math.sign(value[i]) + 2 * r.l2 * value[i];
  }
}
