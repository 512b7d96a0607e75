/**
 * The loss manifest: one row per loss a backend computes (value and gradient) in one pass. The
 * TypeScript backend, the C++ list (native/kernels/loss/losses.generated.h, written by
 * tools/generate.mjs) and the tests read these rows; the native loader looks each name up in the
 * addon's `lossNames` when it loads it, so nothing depends on the order.
 */
export interface LossKindSpec {
  readonly name: string;
  /** same_shape: one target per prediction; class_index: one class index per row. */
  readonly target: 'same_shape' | 'class_index';
}

export const LOSS_TABLE = [
  { name: 'meanSquaredError', target: 'same_shape' },
  { name: 'meanAbsoluteError', target: 'same_shape' },
  { name: 'huber', target: 'same_shape' },
  { name: 'binaryCrossentropy', target: 'same_shape' },
  { name: 'binaryCrossentropyFromLogits', target: 'same_shape' },
  { name: 'categoricalCrossentropy', target: 'same_shape' },
  { name: 'categoricalCrossentropyFromLogits', target: 'same_shape' },
  { name: 'sparseCategoricalCrossentropyFromLogits', target: 'class_index' },
] as const satisfies readonly LossKindSpec[];

export type LossKind = (typeof LOSS_TABLE)[number]['name'];
export const LOSS_KINDS: readonly LossKind[] = LOSS_TABLE.map((row) => row.name);
