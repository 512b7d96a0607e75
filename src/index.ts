/**
 * actfn: neural-network activation functions for Node.js, on C++ kernels through Node-API with a
 * pure-TypeScript twin. See README.md.
 */
export type { Activation } from './activations/activation.js';
export type { ActivationProperties, ActivationSpec, ParamSpec, Params } from './activations/spec.js';
export type { BackendName, FloatArray } from './backend/contract.js';
export type { BackendInfo } from './backend/select.js';
export { ACTIVATION_TABLE } from './activations/table.js';
export { activationNames, activations, getActivation, getActivationSpec } from './activations/registry.js';
export { logSoftmax, logSoftmaxAsync, softmax, softmaxAsync, softmaxBackward, softmaxBackwardAsync } from './activations/softmax.js';
export { backendInfo, getBackend, getNumThreads, setBackend, setNumThreads } from './backend/select.js';
export { activationTableMarkdown } from './activations/markdown.js';

// The model layer (Keras-like) and its data utilities.
export { Tensor2D, tensor2d } from './nn/tensor.js';
export { dense, Dense, type DenseOptions } from './nn/layers/dense.js';
export { activation, ActivationLayer } from './nn/layers/activation-layer.js';
export { dropout, Dropout } from './nn/layers/dropout.js';
export { batchNormalization, BatchNormalization } from './nn/layers/batch-normalization.js';
export { prelu, PReLU } from './nn/layers/prelu.js';
export type { Layer, Param } from './nn/layers/layer.js';
export {
  sequential, Sequential, type CompileArgs, type EvaluateOptions, type EvaluateResult, type FitOptions, type History, type Metric, type MetricName, type PredictOptions, type SequentialOptions,
} from './nn/model.js';
export {
  sgd, adam, adamw, rmsprop, type AdamOptions, type AdamWOptions, type ClipOptions, type OptimizerConfig, type RmspropOptions, type SgdOptions,
} from './nn/optimizers.js';
export type { LossArg, LossName, LossSpec } from './nn/losses.js';
export { l1, l2, l1l2, type L1L2Options, type Regularizer, type RegularizerArg } from './nn/regularizers.js';
export type { ClassWeight } from './nn/sample-weights.js';
export { earlyStopping, type Callback, type EarlyStoppingOptions, type TrainingModel, type TrainingOptimizer } from './nn/callbacks.js';
export { modelCheckpoint, type ModelCheckpoint, type ModelCheckpointOptions } from './nn/model-checkpoint.js';
export { reduceLROnPlateau, type ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './nn/reduce-lr-on-plateau.js';
export { learningRateScheduler, type LearningRateSchedule } from './nn/learning-rate-scheduler.js';
export { csvLogger, type CsvLoggerOptions } from './nn/csv-logger.js';
export { loadModel } from './nn/io.js';
export { loadIris, loadBreastCancer, type Dataset } from './data/datasets.js';
export { makeClassification, makeMoons, makeCircles, type LabelledSet } from './data/synthetic.js';
export { trainTestSplit, standardScaler, oneHot, type StandardScaler } from './data/preprocessing.js';
export { Random } from './random.js';

// The activation studies.
export { activationCurves, type ActivationCurve, type Curves } from './analysis/curves.js';
export { compareActivations, loadDataset, DATASETS, type Comparison, type ActivationResult, type CompareOptions } from './analysis/compare.js';
export { gradientFlow, type GradientFlowRow, type GradientFlowOptions } from './analysis/gradient-flow.js';
export { deadNeurons, saturation, type DeadNeuronReport, type SaturationReport } from './analysis/units.js';
export { decisionBoundary, type DecisionBoundary } from './analysis/decision-boundary.js';
