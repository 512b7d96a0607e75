/**
 * Losses by Keras name: 'binaryCrossentropy', 'categoricalCrossentropy',
 * 'sparseCategoricalCrossentropy' (each on probabilities, or { fromLogits: true }),
 * 'meanSquaredError' ('mse'), 'meanAbsoluteError' ('mae'), 'huber' ({ delta }), or Keras'
 * snake_case spellings of them.
 *
 * Like Keras and PyTorch's fused losses, a cross-entropy on the probabilities of a sigmoid or
 * softmax output layer is computed from that layer's logits (its pre-activation): the same value,
 * without the clamp, and with the exact gradient p - t.
 */
import type { LossKind, LossOptions } from '../backend/contract.js';
import { checkOptions, didYouMean, type OptionNames } from '../options.js';
import { showValue } from '../validate.js';

/** The losses by their canonical (tfjs) names. */
export type CanonicalLossName =
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy'
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'huber';

/**
 * Every spelling compile() takes: the canonical names, Keras' short 'mse' and 'mae', and Keras'
 * snake_case names. (Any case, with or without underscores, is also taken at run time.)
 */
export type LossName =
  | CanonicalLossName
  | 'mse'
  | 'mae'
  | 'binary_crossentropy'
  | 'categorical_crossentropy'
  | 'sparse_categorical_crossentropy'
  | 'mean_squared_error'
  | 'mean_absolute_error';

export interface LossConfig {
  readonly name: CanonicalLossName;
  readonly fromLogits: boolean;
  readonly delta: number;
}

export interface LossSpec {
  name: LossName;
  fromLogits?: boolean;
  delta?: number;
}
const LOSS_OPTIONS: OptionNames<LossSpec> = { name: true, fromLogits: true, delta: true };

export type LossArg = LossName | LossSpec;

const CANONICAL: readonly CanonicalLossName[] = ['binaryCrossentropy', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'meanSquaredError', 'meanAbsoluteError', 'huber'];
const SHORT: Readonly<Record<string, CanonicalLossName>> = { mse: 'meanSquaredError', mae: 'meanAbsoluteError' };

/** Names compared without case or underscores: 'binary_crossentropy', 'BinaryCrossentropy' and 'MSE' are unambiguous. */
const folded = (name: string) => name.replace(/_/g, '').toLowerCase();
const BY_FOLDED: ReadonlyMap<string, CanonicalLossName> = new Map([
  ...CANONICAL.map((name) => [folded(name), name] as const),
  ...Object.entries(SHORT),
]);
const NAMES = [...CANONICAL, ...Object.keys(SHORT)];

export function resolveLoss(arg: LossArg): LossConfig {
  if (arg !== null && typeof arg === 'object') checkOptions(arg, 'the loss of compile()', LOSS_OPTIONS);
  const spec = typeof arg === 'string' ? { name: arg } : arg;
  const given = spec?.name;
  const name = typeof given === 'string' ? BY_FOLDED.get(folded(given)) : undefined;
  if (!name) {
    const hint = typeof given === 'string' ? didYouMean(given, NAMES) : '';
    throw new RangeError(`loss must be one of ${NAMES.join(', ')} (or Keras' snake_case names), got ${JSON.stringify(given ?? arg)}${hint}`);
  }
  const delta = 'delta' in spec && spec.delta !== undefined ? spec.delta : 1;
  if (!(typeof delta === 'number' && delta > 0)) throw new RangeError(`huber delta must be > 0, got ${showValue(delta)}`);
  return { name, fromLogits: ('fromLogits' in spec && spec.fromLogits) || false, delta };
}

/** The options the backend's loss kernels take for a loss (probability clamp, Huber's delta). */
export function lossOptions(config: LossConfig): LossOptions {
  return { epsilon: 1e-7, delta: config.delta };
}

/** The backend loss to run, given what the output layer produces. */
export function lossKind(config: LossConfig, onLogits: boolean): LossKind {
  switch (config.name) {
    case 'binaryCrossentropy':
      return onLogits ? 'binaryCrossentropyFromLogits' : 'binaryCrossentropy';
    case 'categoricalCrossentropy':
      return onLogits ? 'categoricalCrossentropyFromLogits' : 'categoricalCrossentropy';
    case 'sparseCategoricalCrossentropy':
      if (!onLogits) throw new RangeError("sparseCategoricalCrossentropy on probabilities needs a softmax output layer (or use { fromLogits: true })");
      return 'sparseCategoricalCrossentropyFromLogits';
    default:
      return config.name as LossKind;
  }
}

/** The output activation whose logits each probability cross-entropy can use instead (Keras' fusion). */
const FUSED_WITH: Readonly<Partial<Record<CanonicalLossName, string>>> = {
  binaryCrossentropy: 'sigmoid',
  categoricalCrossentropy: 'softmax',
  sparseCategoricalCrossentropy: 'softmax',
};

/** The output activation whose logits a probability cross-entropy can use instead. */
export function fusableActivation(config: LossConfig): string | null {
  return config.fromLogits ? null : FUSED_WITH[config.name] ?? null;
}
