/**
 * The comparison as `compare` and `study` run it: their shared options (the classic study's
 * defaults: Dense 64 and 32 with dropout 0.3, Adam at 1e-3 with epsilon 1e-7, 100 epochs, batch
 * 32, stratified 80/20 splits) and one dataset's run, which writes its JSON and charts.
 */
import { compareActivations, type Comparison, type DatasetName } from '../analysis/compare.js';
import { decisionBoundary } from '../analysis/decision-boundary.js';
import { getActivation } from '../activations/registry.js';
import { accuracySpec, trainingCurvesSpec } from '../charts/comparison.js';
import { decisionBoundarySpec } from '../charts/decision-boundary.js';
import { adam } from '../nn/optimizers.js';
import { progressBar as bar } from '../progress-bar.js';
import { type OptionSpec, type Parsed } from './args.js';
import { CLASSIC } from './command.js';
import { comparisonJson, type ComparisonJson } from './comparison.js';
import { progressLine, writeChart, writeResult } from './output.js';

const checkActivations = (names: string | number | string[]) => {
  for (const name of names as string[]) getActivation(name);
};

export const ACTIVATIONS_OPTION: OptionSpec = { name: 'activations', kind: 'list', help: 'activations to compare', default: CLASSIC, check: checkActivations };

/** The training options; `repeats` defaults to 1 for compare and report (quick), 3 for study (STUDY.md B's three splits). */
export const trainingOptions = (repeats: number): readonly OptionSpec[] => [
  ACTIVATIONS_OPTION,
  { name: 'epochs', kind: 'integer', help: 'epochs per run', default: 100, min: 1 },
  { name: 'repeats', kind: 'integer', help: 'runs per activation, each on its own stratified split and initial weights', default: repeats, min: 1, max: 10_000 },
  { name: 'seeds', kind: 'integer', help: '', renamedTo: 'repeats' },
  { name: 'test-size', kind: 'number', help: 'test share of each split', default: 0.2, above: 0, below: 1 },
  { name: 'split-seed', kind: 'integer', help: 'seed of the first split; repeat r uses split-seed + r', default: 42 },
  { name: 'batch-size', kind: 'integer', help: 'samples per batch', default: 32, min: 1 },
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
  const comparison = await compareActivations({
    dataset,
    activations: o.activations as string[],
    epochs: o.epochs as number,
    repeats: o.repeats as number,
    testSize: o['test-size'] as number,
    splitSeed: o['split-seed'] as number,
    batchSize: o['batch-size'] as number,
    hidden,
    dropout: o.dropout as number,
    optimizer: adam({ learningRate: 1e-3, epsilon: 1e-7 }),
    onEpoch: ({ activation, repeat, epoch, epochs, loss }) =>
      progress.update(`${dataset} ${activation.padEnd(10)} repeat ${repeat + 1} ${bar(epoch + 1, epochs)} epoch ${epoch + 1}/${epochs} - loss ${loss.toFixed(4)}`, epoch + 1, epochs),
  });
  progress.done();
  const settings = { epochs: o.epochs as number, batchSize: o['batch-size'] as number, hidden, dropout: o.dropout as number, optimizer: 'adam (learning rate 1e-3, epsilon 1e-7)' };
  const json = comparisonJson(comparison, settings, false);
  const file = writeResult(out, names.json, comparisonJson(comparison, settings, true));
  const charts = [
    await writeChart(out, `training${names.charts}`, trainingCurvesSpec(comparison)),
    await writeChart(out, `accuracy${names.charts}`, accuracySpec(comparison)),
  ];
  if (comparison.xTest.cols === 2) {
    const best = comparison.results[0];
    const grid = decisionBoundary(best.model, comparison.xTest, comparison.yTest, { resolution: 50 });
    charts.push(await writeChart(out, `boundary${names.charts}`, decisionBoundarySpec(grid, { title: `Decision boundary of the best activation (${best.activation}), test points of the first split` })));
  }
  return { comparison, json, file, charts };
}
