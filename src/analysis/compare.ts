/**
 * compareActivations: the classic study. The same network (hidden dense layers with the activation
 * under test, dropout, then a sigmoid or softmax output) is trained once per activation and seed
 * on one dataset, standardised on its training split; each run reports test accuracy and loss, the
 * convergence epoch (minimum validation loss, the test split serving as validation as in the
 * classic Keras study), wall time and its history, and each activation the mean and standard
 * deviation over seeds. Results come sorted by mean test accuracy.
 */
import { loadBreastCancer, loadIris } from '../data/datasets.js';
import { trainTestSplit, standardScaler } from '../data/preprocessing.js';
import { makeCircles, makeClassification, makeMoons } from '../data/synthetic.js';
import { dense } from '../nn/layers/dense.js';
import { dropout as dropoutLayer } from '../nn/layers/dropout.js';
import { sequential, type History, type Sequential } from '../nn/model.js';
import type { OptimizerConfig } from '../nn/optimizers.js';
import { Tensor2D } from '../nn/tensor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { describeValue, requirePositiveInteger, showValue } from '../validate.js';
import { mean, standardDeviation } from './statistics.js';

export const DATASETS = ['breast-cancer', 'iris', 'moons', 'circles', 'classification'] as const;
export type DatasetName = (typeof DATASETS)[number];

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
  batchSize?: number;
  optimizer?: string | OptimizerConfig;
  seeds?: readonly number[];
  testSize?: number;
  /** Called after every epoch of every run (progress display). */
  onEpoch?: (info: { activation: string; seed: number; epoch: number; epochs: number; loss: number }) => void;
}
const COMPARE_OPTIONS: OptionNames<CompareOptions> = {
  dataset: true, activations: true, hidden: true, dropout: true, epochs: true, batchSize: true, optimizer: true, seeds: true, testSize: true, onEpoch: true,
};

export interface RunResult {
  seed: number;
  testAccuracy: number;
  testLoss: number;
  convergenceEpoch: number;
  seconds: number;
  history: History;
}

export interface ActivationResult {
  activation: string;
  runs: RunResult[];
  mean: { testAccuracy: number; testLoss: number; convergenceEpoch: number; seconds: number };
  std: { testAccuracy: number; testLoss: number };
  /** The first seed's model, for follow-up analyses (decision boundary, dead units). */
  model: Sequential;
}

export interface Comparison {
  dataset: string;
  classes: number;
  xTrain: Tensor2D;
  yTrain: Int32Array;
  xTest: Tensor2D;
  yTest: Int32Array;
  results: ActivationResult[];
}

export function loadDataset(name: DatasetName, seed = 0): { x: Tensor2D; y: Int32Array } {
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
      return makeClassification({ nSamples: 1000, nFeatures: 10, nInformative: 5, nRedundant: 2, seed });
    default:
      throw new RangeError(`dataset must be one of ${DATASETS.join(', ')}, got ${showValue(name)}`);
  }
}


export async function compareActivations(options: CompareOptions): Promise<Comparison> {
  if (options === undefined) throw new TypeError('compareActivations() needs options { dataset, activations, ... }, got undefined');
  checkOptions(options, 'compareActivations()', COMPARE_OPTIONS);
  if (typeof options.dataset === 'object' && options.dataset !== null) checkOptions(options.dataset, "compareActivations()'s dataset", CUSTOM_DATASET_OPTIONS);
  else if (typeof options.dataset !== 'string') throw new TypeError(`dataset must be one of ${DATASETS.join(', ')} or { x, y, name? }, got ${describeValue(options.dataset)}`);
  const hidden = options.hidden ?? [64, 32];
  const rate = options.dropout ?? 0.3;
  const epochs = options.epochs ?? 100;
  const seeds = options.seeds ?? [1];
  if (!Array.isArray(options.activations) || options.activations.length === 0) throw new RangeError('activations must be a non-empty array of names');
  requirePositiveInteger(epochs, 'epochs');
  if (seeds.length === 0) throw new RangeError('seeds must hold at least one seed');
  const named = typeof options.dataset === 'string';
  const data = named ? loadDataset(options.dataset as DatasetName) : (options.dataset as { x: Tensor2D; y: Int32Array });
  const datasetName = named ? (options.dataset as string) : ((options.dataset as { name?: string }).name ?? 'custom');
  const split = trainTestSplit(data.x, data.y, { testSize: options.testSize ?? 0.2, stratify: data.y, seed: 42 });
  const scaler = standardScaler().fit(split.xTrain);
  const xTrain = scaler.transform(split.xTrain);
  const xTest = scaler.transform(split.xTest);
  const classes = Math.max(...data.y) + 1;
  const binary = classes === 2;
  const results: ActivationResult[] = [];
  for (const activation of options.activations) {
    const runs: RunResult[] = [];
    let first: Sequential | null = null;
    for (const seed of seeds) {
      const layers = hidden.flatMap((units, i) => [
        dense(units, { activation, inputDim: i === 0 ? xTrain.cols : undefined }),
        ...(rate > 0 ? [dropoutLayer(rate)] : []),
      ]);
      const model = sequential([...layers, binary ? dense(1, { activation: 'sigmoid' }) : dense(classes, { activation: 'softmax' })], { seed });
      model.compile({ optimizer: options.optimizer ?? 'adam', loss: binary ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const started = process.hrtime.bigint();
      const history = await model.fit(xTrain, split.yTrain, {
        epochs,
        batchSize: options.batchSize ?? 32,
        seed,
        validationData: [xTest, split.yTest],
        callbacks: options.onEpoch
          ? [{ onEpochEnd: (epoch, logs) => options.onEpoch!({ activation, seed, epoch, epochs, loss: logs.loss }) }]
          : [],
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const test = model.evaluate(xTest, split.yTest);
      const convergenceEpoch = history.valLoss.indexOf(Math.min(...history.valLoss)) + 1;
      runs.push({ seed, testAccuracy: test.accuracy!, testLoss: test.loss, convergenceEpoch, seconds, history });
      first ??= model;
    }
    results.push({
      activation,
      runs,
      mean: {
        testAccuracy: mean(runs.map((r) => r.testAccuracy)),
        testLoss: mean(runs.map((r) => r.testLoss)),
        convergenceEpoch: mean(runs.map((r) => r.convergenceEpoch)),
        seconds: mean(runs.map((r) => r.seconds)),
      },
      std: { testAccuracy: standardDeviation(runs.map((r) => r.testAccuracy)), testLoss: standardDeviation(runs.map((r) => r.testLoss)) },
      model: first!,
    });
  }
  results.sort((a, b) => b.mean.testAccuracy - a.mean.testAccuracy || a.mean.testLoss - b.mean.testLoss);
  return { dataset: datasetName, classes, xTrain, yTrain: split.yTrain, xTest, yTest: split.yTest, results };
}
