/**
 * A set of metrics accumulated over an epoch (or an evaluation), batch by batch: accuracy from the
 * count of correct predictions; precision and recall from the counts of true and false positives
 * and false negatives at the decision threshold (0.5 on probabilities, 0 on logits), 0 when
 * undefined as in Keras; AUC, exact, over every (score, label) pair seen (rocAuc), NaN while a class
 * is missing; mse and mae over every output. Binary metrics treat each output column as a binary
 * decision against the target (Keras' Precision etc.), so they need targets with one value per
 * output: a sigmoid output's 0/1 labels, or one-hot rows. Metrics are not sample-weighted (as
 * Keras' metrics, unlike weighted_metrics).
 */
import { rocAuc } from './auc.js';
import { BINARY_METRICS, countCorrect, type Metric } from './metrics.js';
import type { TargetSet } from './targets.js';
import type { Tensor2D } from './tensor.js';

export class MetricAccumulator {
  private rows = 0;
  private correct = 0;
  private truePositives = 0;
  private falsePositives = 0;
  private falseNegatives = 0;
  private squaredError = 0;
  private absoluteError = 0;
  private elements = 0;
  private readonly scores: number[] = [];
  private readonly labels: number[] = [];

  /** Whether any compiled metric needs the per-output pass (all but accuracy do). */
  private readonly perOutput: boolean;

  /** `logits`: the outputs are logits (a loss with fromLogits), so binary decisions are at 0. */
  constructor(readonly metrics: readonly Metric[], private readonly logits: boolean) {
    this.perOutput = metrics.some((m) => m !== 'accuracy');
  }

  /** Refuses targets the metrics cannot be computed on (class indices for a binary metric). */
  static check(metrics: readonly Metric[], t: TargetSet, name: string): void {
    const binary = metrics.find((m) => BINARY_METRICS.includes(m) || m === 'mse' || m === 'mae');
    if (binary && t.sparse) {
      throw new RangeError(`metric '${binary}' compares each output with its target, but ${name} holds class indices (sparseCategoricalCrossentropy); use one-hot targets with categoricalCrossentropy, or a single sigmoid output`);
    }
  }

  add(out: Tensor2D, t: TargetSet): void {
    this.rows += out.rows;
    if (this.metrics.includes('accuracy')) this.correct += countCorrect(out, t, this.logits);
    if (!this.perOutput || t.sparse) return;
    const threshold = this.logits ? 0 : 0.5;
    const keepScores = this.metrics.includes('auc');
    for (let i = 0; i < out.data.length; i++) {
      const y = out.data[i];
      const target = t.data[i];
      const error = y - target;
      this.squaredError += error * error;
      this.absoluteError += Math.abs(error);
      const positive = target > 0.5;
      const predicted = y > threshold;
      if (predicted && positive) this.truePositives++;
      else if (predicted) this.falsePositives++;
      else if (positive) this.falseNegatives++;
      if (keepScores) {
        this.scores.push(y);
        this.labels.push(positive ? 1 : 0);
      }
    }
    this.elements += out.data.length;
  }

  /** Each metric's value so far, in compile order; AUC only when `withAuc` (it sorts every score seen). */
  values(withAuc = true): Record<string, number> {
    const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
    const values: Record<string, number> = {};
    for (const m of this.metrics) {
      if (m === 'accuracy') values.accuracy = ratio(this.correct, this.rows);
      else if (m === 'precision') values.precision = ratio(this.truePositives, this.truePositives + this.falsePositives);
      else if (m === 'recall') values.recall = ratio(this.truePositives, this.truePositives + this.falseNegatives);
      else if (m === 'auc') {
        if (withAuc) values.auc = rocAuc(this.scores, this.labels);
      } else if (m === 'mse') values.mse = ratio(this.squaredError, this.elements);
      else values.mae = ratio(this.absoluteError, this.elements);
    }
    return values;
  }
}
