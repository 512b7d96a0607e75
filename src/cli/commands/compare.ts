/** `actfn compare`: the same network trained with each activation on one dataset; the summary table. */
import { DATASETS, type DatasetName } from '../../analysis/compare.js';
import { UsageError, type Parsed } from '../args.js';
import { CLASSIC, JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { runComparison, trainingOptions } from '../compare-run.js';
import { comparisonHeading, comparisonTable } from '../comparison.js';

export const DATASET_CHECK = (v: string | number | string[]) => {
  if (!(DATASETS as readonly string[]).includes(v as string)) throw new Error(`must be one of ${DATASETS.join(', ')}, got '${v}'`);
};

export const compareCommand: Command = {
  summary: 'train the same network with each activation on one dataset and rank them (mean ± sd over repeated splits)',
  options: [
    { name: 'dataset', kind: 'string', help: `one of ${DATASETS.join(', ')}`, default: 'breast-cancer', check: DATASET_CHECK },
    { name: 'features', kind: 'integer', help: "features of --dataset classification, all informative, one cluster per class (default: 10 features, 5 informative, 2 redundant)", min: 1, max: 100 },
    { name: 'data-seed', kind: 'integer', help: 'seed of a generated dataset (moons, circles, classification)', default: 0 },
    ...trainingOptions(1),
    JSON_OPTION,
    OUT_OPTION,
  ],
  presets: {
    // STUDY.md D: make_classification(1000 samples, 2 informative features, 1 cluster per class, seed 42), [2, 10, 10, 1], full-batch gradient descent
    'from-scratch': {
      help: 'the from-scratch network (STUDY D): 2-feature classification, layers 10,10, full-batch SGD at 0.1, 500 epochs; draws the best activation\'s decision boundary',
      args: ['--dataset', 'classification', '--features', '2', '--data-seed', '42', '--hidden', '10,10', '--dropout', '0', '--optimizer', 'sgd', '--learning-rate', '0.1', '--batch-size', 'full', '--epochs', '500', '--activations', CLASSIC.join(',')],
    },
  },
  async run(o: Parsed) {
    const started = Date.now();
    if (o.features !== undefined && o.dataset !== 'classification') throw new UsageError(`--features applies only to --dataset classification, got --dataset ${o.dataset}`);
    const { json, file, charts } = await runComparison(o.dataset as DatasetName, o, { json: 'compare.json', charts: '' });
    if (o.json) {
      console.log(JSON.stringify(json));
      return 0;
    }
    console.log(`${comparisonHeading(json)}\n`);
    console.log(comparisonTable(json));
    console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s in all; results and histories written to ${file}; charts ${['training.svg', 'accuracy.svg', 'boundary.svg'].slice(0, charts.length).join(', ')} beside it`);
    return 0;
  },
};
