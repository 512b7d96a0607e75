/**
 * Losses by Keras name: 'binaryCrossentropy', 'categoricalCrossentropy',
 * 'sparseCategoricalCrossentropy' (each on probabilities, or { fromLogits: true }),
 * 'meanSquaredError' ('mse'), 'meanAbsoluteError' ('mae'), 'huber' ({ delta }).
 *
 * Like Keras and PyTorch's fused losses, a cross-entropy on the probabilities of a sigmoid or
 * softmax output layer is computed from that layer's logits (its pre-activation): the same value,
 * without the clamp, and with the exact gradient p - t.
 */
import type { LossKind, LossOptions } from '../backend/contract.js';
import { showValue } from '../validate.js';

export type LossName =
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy'
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'huber'
  | 'mse'
  | 'mae';

export interface LossConfig {
  readonly name: LossName;
  readonly fromLogits: boolean;
  readonly delta: number;
}

export type LossArg = LossName | { name: LossName; fromLogits?: boolean; delta?: number };

const NAMES: readonly LossName[] = ['binaryCrossentropy', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'meanSquaredError', 'meanAbsoluteError', 'huber', 'mse', 'mae'];

export function resolveLoss(arg: LossArg): LossConfig {
  const spec = typeof arg === 'string' ? { name: arg } : arg;
  if (!spec || !NAMES.includes(spec.name)) throw new RangeError(`loss must be one of ${NAMES.join(', ')}, got ${JSON.stringify(spec?.name ?? arg)}`);
  const name = spec.name === 'mse' ? 'meanSquaredError' : spec.name === 'mae' ? 'meanAbsoluteError' : spec.name;
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
const FUSED_WITH: Readonly<Partial<Record<LossName, string>>> = {
  binaryCrossentropy: 'sigmoid',
  categoricalCrossentropy: 'softmax',
  sparseCategoricalCrossentropy: 'softmax',
};

/** The output activation whose logits a probability cross-entropy can use instead. */
export function fusableActivation(config: LossConfig): string | null {
  return config.fromLogits ? null : FUSED_WITH[config.name] ?? null;
}
