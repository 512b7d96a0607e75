/** `actfn compare`: the same network trained with each activation; the summary table. */
import { DATASETS, compareActivations, type DatasetName } from '../../analysis/compare.js';
import { UsageError, table, type Parsed } from '../args.js';
import { JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { decisionBoundary } from '../../analysis/decision-boundary.js';
import { accuracyBarSpec, decisionBoundarySpec, trainingCurvesSpec } from '../../charts/specs.js';
import { progressLine, writeChart, writeResult } from '../output.js';
import { progressBar as bar } from '../../progress-bar.js';
import { CLASSIC } from './plot.js';

export const compareCommand: Command = {
  summary: 'train the same network with each activation and rank them',
  options: [
    { name: 'dataset', kind: 'string', help: `one of ${DATASETS.join(', ')}`, default: 'breast-cancer' },
    { name: 'activations', kind: 'list', help: 'activations to compare', default: CLASSIC },
    { name: 'epochs', kind: 'integer', help: 'epochs per run', default: 100 },
    { name: 'repeats', kind: 'integer', help: 'runs per activation, with seeds 1..K', default: 1 },
    { name: 'seeds', kind: 'integer', help: '', renamedTo: 'repeats' },
    { name: 'batch-size', kind: 'integer', help: 'samples per batch', default: 32 },
    { name: 'hidden', kind: 'list', help: 'hidden layer widths', default: ['64', '32'] },
    { name: 'dropout', kind: 'number', help: 'dropout after each hidden layer', default: 0.3 },
    JSON_OPTION,
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    if (!(DATASETS as readonly string[]).includes(o.dataset as string)) throw new UsageError(`--dataset must be one of ${DATASETS.join(', ')}, got '${o.dataset}'`);
    if ((o.epochs as number) < 1) throw new UsageError(`--epochs must be >= 1, got ${o.epochs}`);
    if ((o.repeats as number) < 1) throw new UsageError(`--repeats must be >= 1, got ${o.repeats}`);
    const hidden = (o.hidden as string[]).map(Number);
    if (hidden.some((h) => !Number.isInteger(h) || h < 1)) throw new UsageError(`--hidden must be positive integers, got ${(o.hidden as string[]).join(',')}`);
    const progress = progressLine(25);
    const started = Date.now();
    const comparison = await compareActivations({
      dataset: o.dataset as DatasetName,
      activations: o.activations as string[],
      epochs: o.epochs as number,
      seeds: Array.from({ length: o.repeats as number }, (_, i) => i + 1),
      batchSize: o['batch-size'] as number,
      hidden,
      dropout: o.dropout as number,
      onEpoch: ({ activation, seed, epoch, epochs, loss }) =>
        progress.update(`${activation.padEnd(10)} seed ${seed} ${bar(epoch + 1, epochs)} epoch ${epoch + 1}/${epochs} - loss ${loss.toFixed(4)}`, epoch + 1, epochs),
    });
    progress.done();
    const summary = comparison.results.map((r) => ({
      activation: r.activation,
      testAccuracy: r.mean.testAccuracy,
      testAccuracyStd: r.std.testAccuracy,
      testLoss: r.mean.testLoss,
      convergenceEpoch: r.mean.convergenceEpoch,
      seconds: r.mean.seconds,
      histories: r.runs.map((run) => ({ seed: run.seed, ...run.history.history })),
    }));
    const file = writeResult(o.out as string, 'compare.json', { dataset: comparison.dataset, epochs: o.epochs, repeats: o.repeats, results: summary });
    await writeChart(o.out as string, 'training', trainingCurvesSpec(comparison));
    await writeChart(o.out as string, 'accuracy', accuracyBarSpec(comparison));
    if (comparison.xTest.cols === 2) {
      const best = comparison.results[0];
      const grid = decisionBoundary(best.model, comparison.xTest, comparison.yTest, { resolution: 50 });
      await writeChart(o.out as string, 'boundary', decisionBoundarySpec(grid, `Decision boundary of the best activation (${best.activation}), test points`));
    }
    if (o.json) {
      console.log(JSON.stringify({ dataset: comparison.dataset, results: summary.map(({ histories: _h, ...rest }) => rest) }));
      return 0;
    }
    const seeds = o.repeats as number;
    console.log(`${comparison.dataset}: ${comparison.xTrain.rows} training and ${comparison.xTest.rows} test samples, ${o.epochs} epochs, ${seeds} seed${seeds > 1 ? 's' : ''}\n`);
    console.log(table(['activation', 'test acc', 'test loss', 'converged at epoch', 'time (s)'], summary.map((r) => [
      r.activation,
      seeds > 1 ? `${r.testAccuracy.toFixed(4)} +- ${r.testAccuracyStd.toFixed(4)}` : r.testAccuracy.toFixed(4),
      r.testLoss.toFixed(4),
      r.convergenceEpoch.toFixed(seeds > 1 ? 1 : 0),
      r.seconds.toFixed(2),
    ])));
    console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s in all; results and histories written to ${file}`);
    return 0;
  },
};
