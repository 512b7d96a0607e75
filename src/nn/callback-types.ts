/**
 * The callback contract of fit, Keras style, as a leaf module: callbacks see only this small
 * structural view of the model (tfjs-layers types its callbacks on a supertype the same way), so
 * neither the model nor a callback module needs the other to type itself.
 */

export type Logs = Readonly<Record<string, number>>;
export type HookResult = void | 'stop' | Promise<void | 'stop'>;

/** What a callback sees of the optimizer: its learning rate, which it may change between epochs. */
export interface TrainingOptimizer {
  learningRate: number;
}

/** What a callback sees of the model being trained (Sequential has these and more). */
export interface TrainingModel {
  getWeights(): Float32Array[];
  setWeights(weights: readonly Float32Array[]): void;
  /** Writes the model into a directory, atomically (model.save). */
  save(dir: string): void;
  readonly optimizer: TrainingOptimizer;
}

/** What fit tells callbacks about the run, when it begins. */
export interface TrainingParams {
  readonly epochs: number;
  /** Batches per epoch. */
  readonly batches: number;
}

/** How the run ended. */
export interface TrainingEnd {
  /** Why training ended early, if it did (the History's stopReason). */
  readonly stopReason?: string;
}

/**
 * Objects with optional hooks (each may be async). A hook that returns the string 'stop' ends
 * training after the current epoch, as Keras' model.stop_training = true does.
 */
export interface Callback {
  onTrainBegin?(model: TrainingModel, params: TrainingParams): HookResult;
  onEpochBegin?(epoch: number, model: TrainingModel): HookResult;
  onBatchEnd?(batch: number, logs: Logs, model: TrainingModel): HookResult;
  onEpochEnd?(epoch: number, logs: Logs, model: TrainingModel): HookResult;
  onTrainEnd?(model: TrainingModel, end: TrainingEnd): HookResult;
}
