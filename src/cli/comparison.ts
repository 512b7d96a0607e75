/**
 * What `compare`, `study` and `report` share about a comparison: the one JSON shape its result
 * files and --json output have, and the summary table (mean ± standard deviation over repeats).
 */
import type { Comparison } from '../analysis/compare.js';
import { table } from './args.js';

export interface ComparisonSettings {
  epochs: number;
  batchSize: number;
  hidden: readonly number[];
  dropout: number;
  optimizer: string;
  /** Features of the generated 'classification' set (null: its default shape, or another dataset). */
  features: number | null;
  /** Seed of a generated dataset (null for the data files). */
  dataSeed: number | null;
}

export interface ComparisonRow {
  activation: string;
  testAccuracy: number;
  testAccuracyStd: number;
  testLoss: number;
  testLossStd: number;
  trainAccuracy: number;
  trainAccuracyStd: number;
  convergenceEpoch: number;
  convergenceEpochStd: number;
  seconds: number;
  /** Each repeat's split and weight seeds, scores and per-epoch logs (only in result files). */
  histories?: Array<Record<string, number | number[]>>;
}

export interface ComparisonJson extends ComparisonSettings {
  dataset: string;
  classes: number;
  trainSamples: number;
  testSamples: number;
  repeats: number;
  testSize: number;
  splitSeeds: number[];
  weightSeeds: number[];
  /** Sorted by mean test accuracy, best first. */
  results: ComparisonRow[];
}

/** The comparison as JSON: with every repeat's history for the result file, without for stdout. */
export function comparisonJson(c: Comparison, settings: ComparisonSettings, withHistories: boolean): ComparisonJson {
  return {
    dataset: c.dataset,
    classes: c.classes,
    trainSamples: c.xTrain.rows,
    testSamples: c.xTest.rows,
    repeats: c.repeats,
    testSize: c.testSize,
    splitSeeds: c.results[0].runs.map((r) => r.splitSeed),
    weightSeeds: c.results[0].runs.map((r) => r.seed),
    ...settings,
    hidden: [...settings.hidden],
    results: c.results.map((r) => ({
      activation: r.activation,
      testAccuracy: r.mean.testAccuracy,
      testAccuracyStd: r.std.testAccuracy,
      testLoss: r.mean.testLoss,
      testLossStd: r.std.testLoss,
      trainAccuracy: r.mean.trainAccuracy,
      trainAccuracyStd: r.std.trainAccuracy,
      convergenceEpoch: r.mean.convergenceEpoch,
      convergenceEpochStd: r.std.convergenceEpoch,
      seconds: r.mean.seconds,
      ...(withHistories
        ? {
          histories: r.runs.map((run) => ({
            repeat: run.repeat, splitSeed: run.splitSeed, seed: run.seed, testAccuracy: run.testAccuracy, testLoss: run.testLoss, trainAccuracy: run.trainAccuracy, convergenceEpoch: run.convergenceEpoch, ...run.history.history,
          })),
        }
        : {}),
    })),
  };
}

const range = (seeds: number[]) => (seeds.length === 1 ? `${seeds[0]}` : `${seeds[0]}..${seeds[seeds.length - 1]}`);

/** The heading line of a comparison's table. */
export function comparisonHeading(j: ComparisonJson): string {
  const runs = j.repeats === 1
    ? '1 repeat (one split: no spread; use --repeats for mean ± sd)'
    : `${j.repeats} repeats (mean ± sd over stratified splits with seeds ${range(j.splitSeeds)} and initial weights with seeds ${range(j.weightSeeds)})`;
  return `${j.dataset}: ${j.trainSamples} training and ${j.testSamples} test samples, ${j.epochs} epochs, ${runs}`;
}

/** Activations sorted by test accuracy: test accuracy, test loss, convergence epoch (1 + argmin val_loss), time. */
export function comparisonTable(j: ComparisonJson): string {
  const spread = j.repeats > 1;
  const pm = (m: number, s: number, digits: number) => (spread ? `${m.toFixed(digits)} ± ${s.toFixed(digits)}` : m.toFixed(digits));
  return table(['activation', 'test acc', 'test loss', 'converged at epoch', 'time (s)'], j.results.map((r) => [
    r.activation,
    pm(r.testAccuracy, r.testAccuracyStd, 4),
    pm(r.testLoss, r.testLossStd, 4),
    pm(r.convergenceEpoch, r.convergenceEpochStd, spread ? 1 : 0),
    r.seconds.toFixed(2),
  ]));
}
