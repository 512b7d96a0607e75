/**
 * The comparison as `compare` and `study` run it: their shared options (the classic study's
 * defaults: Dense 64 and 32 with dropout 0.3, Adam at 1e-3 with epsilon 1e-7, 100 epochs, batch
 * 32, stratified 80/20 splits; SGD and full batches for STUDY D) and one dataset's run, which
 * writes its JSON and charts.
 */
import { compareActivations, GENERATED_DATASETS, type Comparison, type DatasetName } from '../analysis/compare.js';
import { decisionBoundary } from '../analysis/decision-boundary.js';
import { getActivation } from '../activations/registry.js';
import { accuracySpec, trainingCurvesSpec } from '../charts/comparison.js';
import { decisionBoundarySpec } from '../charts/decision-boundary.js';
import { adam, sgd, type OptimizerConfig } from '../nn/optimizers.js';
import { progressBar as bar } from '../progress-bar.js';
import { UsageError, type OptionSpec, type Parsed } from './args.js';
import { CLASSIC } from './command.js';
import { comparisonJson, type ComparisonJson } from './comparison.js';
import { progressLine, writeChart, writeResult } from './output.js';

const checkActivations = (names: string | number | string[]) => {
  for (const name of names as string[]) getActivation(name);
};

export const ACTIVATIONS_OPTION: OptionSpec = { name: 'activations', kind: 'list', help: 'activations to compare', default: CLASSIC, check: checkActivations };

/** The optimizers the CLI offers, with their default learning rates (Keras's). */
const OPTIMIZERS: Record<string, { learningRate: number; make: (learningRate: number) => OptimizerConfig; describe: (learningRate: number) => string }> = {
  adam: { learningRate: 1e-3, make: (learningRate) => adam({ learningRate, epsilon: 1e-7 }), describe: (lr) => `adam (learning rate ${lr}, epsilon 1e-7)` },
  sgd: { learningRate: 0.01, make: (learningRate) => sgd({ learningRate }), describe: (lr) => `sgd (learning rate ${lr})` },
};

function optimizerEntry(name: string) {
  if (!Object.hasOwn(OPTIMIZERS, name)) throw new Error(`must be one of ${Object.keys(OPTIMIZERS).join(', ')}, got '${name}'`);
  return OPTIMIZERS[name];
}

/** The training options; `repeats` defaults to 1 for compare and report (quick), 3 for study (STUDY.md B's three splits). */
export const trainingOptions = (repeats: number): readonly OptionSpec[] => [
  ACTIVATIONS_OPTION,
  { name: 'epochs', kind: 'integer', help: 'epochs per run', default: 100, min: 1 },
  { name: 'repeats', kind: 'integer', help: 'runs per activation, each on its own stratified split and initial weights', default: repeats, min: 1, max: 10_000 },
  { name: 'seeds', kind: 'integer', help: '', renamedTo: 'repeats' },
  { name: 'test-size', kind: 'number', help: 'test share of each split', default: 0.2, above: 0, below: 1 },
  { name: 'split-seed', kind: 'integer', help: 'seed of the first split; repeat r uses split-seed + r', default: 42 },
  {
    name: 'batch-size', kind: 'string', help: "samples per batch, or 'full' for the whole training split (gradient descent)", default: '32',
    check: (v) => {
      if (v === 'full') return;
      if (!/^\d+$/.test(v as string)) throw new UsageError(`--batch-size must be an integer or 'full', got '${v}'`);
      if (Number(v) < 1) throw new UsageError(`--batch-size must be >= 1, got ${v}`);
    },
  },
  { name: 'optimizer', kind: 'string', help: `${Object.keys(OPTIMIZERS).join(' or ')} (Adam with epsilon 1e-7, as Keras)`, default: 'adam', check: (v) => void optimizerEntry(v as string) },
  { name: 'learning-rate', kind: 'number', help: `the optimizer's step size (default: ${Object.entries(OPTIMIZERS).map(([n, o]) => `${o.learningRate} for ${n}`).join(', ')})`, above: 0 },
  {
    name: 'hidden', kind: 'list', help: 'hidden layer widths', default: ['64', '32'],
    check: (v) => {
      if ((v as string[]).length === 0 || (v as string[]).some((h) => !/^\d+$/.test(h) || Number(h) < 1 || Number(h) > 2 ** 24)) throw new Error(`must be positive integers, got ${(v as string[]).join(',')}`);
    },
  },
  { name: 'dropout', kind: 'number', help: 'dropout after each hidden layer', default: 0.3, min: 0, below: 1 },
];

/** Trains and writes one dataset's comparison: <prefix>.json, training-<dataset>.svg, accuracy-<dataset>.svg (and a decision boundary for 2-D data). */
export async function runComparison(dataset: DatasetName, o: Parsed, names: { json: string; charts: string }): Promise<{ comparison: Comparison; json: ComparisonJson; file: string; charts: string[] }> {
  const out = o.out as string;
  const progress = progressLine(25);
  const hidden = (o.hidden as string[]).map(Number);
  const optimizer = optimizerEntry(o.optimizer as string);
  const learningRate = (o['learning-rate'] as number | undefined) ?? optimizer.learningRate;
  const batchSize = o['batch-size'] === 'full' ? 'full' : Number(o['batch-size']);
  const comparison = await compareActivations({
    dataset,
    activations: o.activations as string[],
    epochs: o.epochs as number,
    repeats: o.repeats as number,
    testSize: o['test-size'] as number,
    splitSeed: o['split-seed'] as number,
    batchSize,
    features: o.features as number | undefined,
    dataSeed: o['data-seed'] as number | undefined,
    hidden,
    dropout: o.dropout as number,
    optimizer: optimizer.make(learningRate),
    onEpoch: ({ activation, repeat, epoch, epochs, loss }) =>
      progress.update(`${dataset} ${activation.padEnd(10)} repeat ${repeat + 1} ${bar(epoch + 1, epochs)} epoch ${epoch + 1}/${epochs} - loss ${loss.toFixed(4)}`, epoch + 1, epochs),
  });
  progress.done();
  const settings = {
    epochs: o.epochs as number, batchSize: batchSize === 'full' ? comparison.xTrain.rows : batchSize, hidden, dropout: o.dropout as number, optimizer: optimizer.describe(learningRate),
    features: (o.features as number | undefined) ?? null,
    dataSeed: GENERATED_DATASETS.includes(dataset) ? ((o['data-seed'] as number | undefined) ?? 0) : null,
  };
  const json = comparisonJson(comparison, settings, false);
  const file = writeResult(out, names.json, comparisonJson(comparison, settings, true));
  const charts = [
    await writeChart(out, `training${names.charts}`, trainingCurvesSpec(comparison)),
    await writeChart(out, `accuracy${names.charts}`, accuracySpec(comparison)),
  ];
  if (comparison.xTest.cols === 2) {
    const best = comparison.results[0];
    // STUDY.md D's mesh spans the data ± 1
    const grid = decisionBoundary(best.model, comparison.xTest, comparison.yTest, { resolution: 50, margin: 1 });
    charts.push(await writeChart(out, `boundary${names.charts}`, decisionBoundarySpec(grid, { title: `Decision boundary of the best activation (${best.activation}), test points of the first split` })));
  }
  return { comparison, json, file, charts };
}
