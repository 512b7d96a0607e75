/**
 * `actfn study`: the classic comparison (STUDY.md B) on Breast Cancer and Iris in one run: per
 * dataset the summary sorted by test accuracy (mean ± sd over repeated stratified splits), the
 * 2×2 training-curve grid and the accuracy bars; study.json holds both comparisons with every
 * repeat's history.
 */
import { DATASETS, type DatasetName } from '../../analysis/compare.js';
import type { Parsed } from '../args.js';
import { JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { runComparison, trainingOptions } from '../compare-run.js';
import { comparisonHeading, comparisonTable, type ComparisonJson } from '../comparison.js';
import { writeResult } from '../output.js';

export const studyCommand: Command = {
  summary: 'the classic study: every activation on breast-cancer and iris, Dense 64-32 with dropout 0.3, Adam, 100 epochs, mean ± sd over splits',
  options: [
    {
      name: 'datasets', kind: 'list', help: `datasets to study (${DATASETS.join(', ')})`, default: ['breast-cancer', 'iris'],
      check: (v) => {
        const bad = (v as string[]).find((d) => !(DATASETS as readonly string[]).includes(d));
        if (bad !== undefined || (v as string[]).length === 0) throw new Error(`must be some of ${DATASETS.join(', ')}, got '${bad ?? ''}'`);
      },
    },
    ...trainingOptions(3),
    JSON_OPTION,
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    const started = Date.now();
    const comparisons: ComparisonJson[] = [];
    const files: string[] = [];
    for (const dataset of o.datasets as DatasetName[]) {
      const { json, file } = await runComparison(dataset, o, { json: `compare-${dataset}.json`, charts: `-${dataset}` });
      comparisons.push(json);
      files.push(file);
    }
    const file = writeResult(o.out as string, 'study.json', { datasets: comparisons });
    if (o.json) {
      console.log(JSON.stringify({ datasets: comparisons }));
      return 0;
    }
    for (const c of comparisons) console.log(`${comparisonHeading(c)}\n\n${comparisonTable(c)}\n`);
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s in all; summary in ${file}, histories in ${files.join(', ')}, charts training-<dataset>.svg and accuracy-<dataset>.svg beside them`);
    return 0;
  },
};
