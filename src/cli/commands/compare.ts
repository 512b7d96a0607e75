/** `actfn compare`: the same network trained with each activation on one dataset; the summary table. */
import { DATASETS, type DatasetName } from '../../analysis/compare.js';
import type { Parsed } from '../args.js';
import { JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { runComparison, trainingOptions } from '../compare-run.js';
import { comparisonHeading, comparisonTable } from '../comparison.js';

export const DATASET_CHECK = (v: string | number | string[]) => {
  if (!(DATASETS as readonly string[]).includes(v as string)) throw new Error(`must be one of ${DATASETS.join(', ')}, got '${v}'`);
};

export const compareCommand: Command = {
  summary: 'train the same network with each activation on one dataset and rank them (mean ± sd over repeated splits)',
  options: [
    { name: 'dataset', kind: 'string', help: `one of ${DATASETS.join(', ')}`, default: 'breast-cancer', check: DATASET_CHECK },
    ...trainingOptions(1),
    JSON_OPTION,
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    const started = Date.now();
    const { json, file } = await runComparison(o.dataset as DatasetName, o, { json: 'compare.json', charts: '' });
    if (o.json) {
      console.log(JSON.stringify(json));
      return 0;
    }
    console.log(`${comparisonHeading(json)}\n`);
    console.log(comparisonTable(json));
    console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s in all; results and histories written to ${file}`);
    return 0;
  },
};
