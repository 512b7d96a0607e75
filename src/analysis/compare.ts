/**
 * compareActivations: the classic study. The same network (hidden dense layers with the activation
 * under test, dropout, then a sigmoid or softmax output) is trained once per activation and repeat
 * on one dataset. Repeat r draws its own stratified train/test split (seed splitSeed + r) and its
 * own initial weights and batch order (seed r + 1), so the spread over repeats covers both sources
 * of chance: with one fixed split a small test set can make every activation score 1.000 ± 0.
 * Each split is standardised with statistics of its training part. Each run reports test accuracy
 * and loss, the convergence epoch (1 + argmin of the validation loss, the test split serving as
 * validation as in the classic Keras study), wall time and its history; each activation the mean
 * and standard deviation over repeats. Results come sorted by mean test accuracy, under the
 * activations' canonical names.
 */
import { getActivation } from '../activations/registry.js';
import { loadBreastCancer, loadIris } from '../data/datasets.js';
import { trainTestSplit, standardScaler } from '../data/preprocessing.js';
import { makeCircles, makeClassification, makeMoons } from '../data/synthetic.js';
import { dense } from '../nn/layers/dense.js';
import { dropout as dropoutLayer } from '../nn/layers/dropout.js';
import { sequential, type History, type Sequential } from '../nn/model.js';
import type { OptimizerConfig } from '../nn/optimizers.js';
import { Tensor2D } from '../nn/tensor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { describeValue, isRecord, requirePositiveInteger, showValue } from '../validate.js';
import { mean, standardDeviation } from './statistics.js';

export const DATASETS = ['breast-cancer', 'iris', 'moons', 'circles', 'classification'] as const;
export type DatasetName = (typeof DATASETS)[number];
/** The datasets loadDataset draws from a seed (the others are data files). */
export const GENERATED_DATASETS: readonly DatasetName[] = ['moons', 'circles', 'classification'];

export interface CustomDataset {
  x: Tensor2D;
  y: Int32Array;
  name?: string;
}
const CUSTOM_DATASET_OPTIONS: OptionNames<CustomDataset> = { x: true, y: true, name: true };

export interface CompareOptions {
  dataset: DatasetName | CustomDataset;
  activations: readonly string[];
  hidden?: readonly number[];
  dropout?: number;
  epochs?: number;
  /** Samples per batch (default 32); 'full' puts the whole training split in one batch (gradient descent). */
  batchSize?: number | 'full';
  optimizer?: string | OptimizerConfig;
  /** Features of the 'classification' dataset, all of them informative (STUDY.md D uses 2); without it, 10 features of which 5 informative and 2 redundant. */
  features?: number;
  /** Seed of a generated dataset (moons, circles, classification; default 0). */
  dataSeed?: number;
  /** Runs per activation, each on its own split and initial weights (default 1). */
  repeats?: number;
  /** Test share of each stratified split (default 0.2). */
  testSize?: number;
  /** Seed of the first split; repeat r uses splitSeed + r (default 42). */
  splitSeed?: number;
  /** Called after every epoch of every run (progress display). */
  onEpoch?: (info: { activation: string; repeat: number; seed: number; epoch: number; epochs: number; loss: number }) => void;
}
const COMPARE_OPTIONS: OptionNames<CompareOptions> = {
  dataset: true, activations: true, hidden: true, dropout: true, epochs: true, batchSize: true, optimizer: true, features: true, dataSeed: true,
  repeats: true, testSize: true, splitSeed: true, onEpoch: true,
};

export interface RunResult {
  /** 0-based repeat index. */
  repeat: number;
  /** Seed of the initial weights and batch order. */
  seed: number;
  /** Seed of this run's train/test split. */
  splitSeed: number;
  testAccuracy: number;
  testLoss: number;
  /** Accuracy on the training split after the last epoch (dropout off). */
  trainAccuracy: number;
  convergenceEpoch: number;
  seconds: number;
  history: History;
}

export interface ActivationResult {
  activation: string;
  runs: RunResult[];
  mean: { testAccuracy: number; testLoss: number; trainAccuracy: number; convergenceEpoch: number; seconds: number };
  std: { testAccuracy: number; testLoss: number; trainAccuracy: number; convergenceEpoch: number };
  /** The first repeat's model, for follow-up analyses (decision boundary, dead units) on the first split. */
  model: Sequential;
}

export interface Comparison {
  dataset: string;
  classes: number;
  repeats: number;
  testSize: number;
  splitSeed: number;
  /** The first repeat's split (standardised), on which each result's `model` was trained. */
  xTrain: Tensor2D;
  yTrain: Int32Array;
  xTest: Tensor2D;
  yTest: Int32Array;
  results: ActivationResult[];
}

/**
 * A named dataset. `seed` draws the generated ones (moons, circles, classification); `features`
 * picks STUDY.md D's classification set: 1,000 samples with that many features, all informative,
 * one cluster per class (without it: 10 features, 5 informative and 2 redundant).
 */
export function loadDataset(name: DatasetName, seed = 0, features?: number): { x: Tensor2D; y: Int32Array } {
  if (features !== undefined) {
    if (name !== 'classification') throw new RangeError(`features applies only to the 'classification' dataset, got dataset ${showValue(name)}`);
    requirePositiveInteger(features, 'features', 100);
  }
  switch (name) {
    case 'breast-cancer':
      return loadBreastCancer();
    case 'iris':
      return loadIris();
    case 'moons':
      return makeMoons(500, { noise: 0.2, seed });
    case 'circles':
      return makeCircles(500, { noise: 0.1, factor: 0.5, seed });
    case 'classification':
      return features === undefined
        ? makeClassification({ nSamples: 1000, nFeatures: 10, nInformative: 5, nRedundant: 2, seed })
        : makeClassification({ nSamples: 1000, nFeatures: features, nInformative: features, nRedundant: 0, nClustersPerClass: 1, seed });
    default:
      throw new RangeError(`dataset must be one of ${DATASETS.join(', ')}, got ${showValue(name)}`);
  }
}


interface Prepared {
  xTrain: Tensor2D;
  yTrain: Int32Array;
  xTest: Tensor2D;
  yTest: Int32Array;
}

function splitFor(data: { x: Tensor2D; y: Int32Array }, testSize: number, seed: number): Prepared {
  const split = trainTestSplit(data.x, data.y, { testSize, stratify: data.y, seed });
  const scaler = standardScaler().fit(split.xTrain);
  return { xTrain: scaler.transform(split.xTrain), yTrain: split.yTrain, xTest: scaler.transform(split.xTest), yTest: split.yTest };
}

function requireOptions(options: CompareOptions): void {
  if (options === undefined) throw new TypeError('compareActivations() needs options { dataset, activations, ... }, got undefined');
  if (isRecord(options) && Object.hasOwn(options, 'seeds')) {
    throw new TypeError("compareActivations()'s option 'seeds' is now 'repeats' (a count: repeat r uses split seed splitSeed + r and weight seed r + 1)");
  }
  checkOptions(options, 'compareActivations()', COMPARE_OPTIONS);
  if (typeof options.dataset === 'object' && options.dataset !== null) checkOptions(options.dataset, "compareActivations()'s dataset", CUSTOM_DATASET_OPTIONS);
  else if (typeof options.dataset !== 'string') throw new TypeError(`dataset must be one of ${DATASETS.join(', ')} or { x, y, name? }, got ${describeValue(options.dataset)}`);
  if (!Array.isArray(options.activations) || options.activations.length === 0) throw new RangeError('activations must be a non-empty array of names');
  const testSize = options.testSize ?? 0.2;
  if (typeof testSize !== 'number' || !(testSize > 0 && testSize < 1)) throw new RangeError(`testSize must be a number in (0, 1), got ${showValue(testSize)}`);
  const splitSeed = options.splitSeed ?? 42;
  if (!Number.isSafeInteger(splitSeed)) throw new RangeError(`splitSeed must be an integer, got ${showValue(splitSeed)}`);
  if (options.dataSeed !== undefined && !Number.isSafeInteger(options.dataSeed)) throw new RangeError(`dataSeed must be an integer, got ${showValue(options.dataSeed)}`);
  if (typeof options.dataset !== 'string' && (options.features !== undefined || options.dataSeed !== undefined)) {
    throw new RangeError('features and dataSeed apply only to a named dataset, not to { x, y }');
  }
  if (typeof options.batchSize === 'string' && options.batchSize !== 'full') throw new TypeError(`batchSize must be a positive integer or 'full', got ${showValue(options.batchSize)}`);
  if (options.batchSize !== 'full') requirePositiveInteger(options.batchSize ?? 32, 'batchSize');
}

export async function compareActivations(options: CompareOptions): Promise<Comparison> {
  requireOptions(options);
  const hidden = options.hidden ?? [64, 32];
  const rate = options.dropout ?? 0.3;
  const epochs = requirePositiveInteger(options.epochs ?? 100, 'epochs');
  const repeats = requirePositiveInteger(options.repeats ?? 1, 'repeats', 10_000);
  const testSize = options.testSize ?? 0.2;
  const splitSeed = options.splitSeed ?? 42;
  // canonical names ('leaky_relu' -> 'leakyRelu'), and an unknown name fails before any training
  const activations = options.activations.map((name) => getActivation(name).name);
  const named = typeof options.dataset === 'string';
  const data = named ? loadDataset(options.dataset as DatasetName, options.dataSeed ?? 0, options.features) : (options.dataset as { x: Tensor2D; y: Int32Array });
  const datasetName = named ? (options.dataset as string) : ((options.dataset as { name?: string }).name ?? 'custom');
  const splits = Array.from({ length: repeats }, (_, r) => splitFor(data, testSize, splitSeed + r));
  const classes = Math.max(...data.y) + 1;
  const binary = classes === 2;
  const results: ActivationResult[] = [];
  for (const activation of activations) {
    const runs: RunResult[] = [];
    let first: Sequential | null = null;
    for (let repeat = 0; repeat < repeats; repeat++) {
      const { xTrain, yTrain, xTest, yTest } = splits[repeat];
      const seed = repeat + 1;
      const layers = hidden.flatMap((units, i) => [
        dense(units, { activation, inputDim: i === 0 ? xTrain.cols : undefined }),
        ...(rate > 0 ? [dropoutLayer(rate)] : []),
      ]);
      const model = sequential([...layers, binary ? dense(1, { activation: 'sigmoid' }) : dense(classes, { activation: 'softmax' })], { seed });
      model.compile({ optimizer: options.optimizer ?? 'adam', loss: binary ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const started = process.hrtime.bigint();
      const history = await model.fit(xTrain, yTrain, {
        epochs,
        batchSize: options.batchSize === 'full' ? xTrain.rows : (options.batchSize ?? 32),
        seed,
        validationData: [xTest, yTest],
        verbose: 0,
        callbacks: options.onEpoch
          ? [{ onEpochEnd: (epoch, logs) => options.onEpoch!({ activation, repeat, seed, epoch, epochs, loss: logs.loss }) }]
          : [],
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const test = model.evaluate(xTest, yTest);
      const trainAccuracy = model.evaluate(xTrain, yTrain).accuracy!;
      const convergenceEpoch = history.valLoss.indexOf(Math.min(...history.valLoss)) + 1;
      runs.push({ repeat, seed, splitSeed: splitSeed + repeat, testAccuracy: test.accuracy!, testLoss: test.loss, trainAccuracy, convergenceEpoch, seconds, history });
      first ??= model;
    }
    const of = (key: 'testAccuracy' | 'testLoss' | 'trainAccuracy' | 'convergenceEpoch' | 'seconds') => runs.map((r) => r[key]);
    results.push({
      activation,
      runs,
      mean: {
        testAccuracy: mean(of('testAccuracy')), testLoss: mean(of('testLoss')), trainAccuracy: mean(of('trainAccuracy')), convergenceEpoch: mean(of('convergenceEpoch')), seconds: mean(of('seconds')),
      },
      std: { testAccuracy: standardDeviation(of('testAccuracy')), testLoss: standardDeviation(of('testLoss')), trainAccuracy: standardDeviation(of('trainAccuracy')), convergenceEpoch: standardDeviation(of('convergenceEpoch')) },
      model: first!,
    });
  }
  results.sort((a, b) => b.mean.testAccuracy - a.mean.testAccuracy || a.mean.testLoss - b.mean.testLoss);
  return { dataset: datasetName, classes, repeats, testSize, splitSeed, ...splits[0], results };
}
