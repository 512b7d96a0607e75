/**
 * The optimizer manifest: one row per fused update a backend applies to a parameter array. The
 * TypeScript backend, the C++ list (native/kernels/optim/optimizers.generated.h, written by
 * tools/generate.mjs) and the tests read these rows; the native loader looks each name up in the
 * addon's `optimizerNames` when it loads it, so nothing depends on the order.
 */
export interface OptimizerKindSpec {
  readonly name: string;
  /** How many state arrays (slots) the optimizer keeps per parameter array. */
  readonly slots: number;
}

export const OPTIMIZER_TABLE = [
  { name: 'sgd', slots: 1 },
  { name: 'adam', slots: 2 },
  { name: 'adamw', slots: 2 },
  { name: 'rmsprop', slots: 1 },
] as const satisfies readonly OptimizerKindSpec[];

export type OptimizerKind = (typeof OPTIMIZER_TABLE)[number]['name'];
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = OPTIMIZER_TABLE.map((row) => row.name);
/** How many state arrays (slots) each optimizer keeps per parameter array. */
export const OPTIMIZER_SLOTS = Object.freeze(Object.fromEntries(OPTIMIZER_TABLE.map((row) => [row.name, row.slots]))) as Readonly<Record<OptimizerKind, number>>;
