/**
 * A comparison's charts (STUDY.md B): training and validation loss and accuracy against epoch in a
 * 2 x 2 grid, one line per activation (the first repeat's history), and the test accuracy per
 * activation as bars with the spread over repeats.
 */
import type { Comparison } from '../analysis/compare.js';
import { requireComparison } from './inputs.js';
import { logAxis, seriesColor, seriesLayers, styled, type Spec } from './style.js';

export function trainingCurvesSpec(comparison: Comparison): Spec {
  requireComparison(comparison, 'comparison');
  const names = comparison.results.map((r) => r.activation);
  const values = comparison.results.flatMap((r) => {
    const h = r.runs[0].history.history;
    return h.loss.map((_, epoch) => ({ activation: r.activation, epoch: epoch + 1, loss: h.loss[epoch], valLoss: h.valLoss?.[epoch], accuracy: h.accuracy?.[epoch], valAccuracy: h.valAccuracy?.[epoch] }));
  });
  const losses = values.flatMap((v) => [v.loss, v.valLoss ?? NaN]);
  const panel = (field: keyof (typeof values)[number], title: string, yTitle: string, log: boolean) => ({
    width: 300,
    height: 200,
    title,
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { format: 'd' } },
      y: log ? { field, type: 'quantitative', title: yTitle, ...logAxis(losses) } : { field, type: 'quantitative', title: yTitle, scale: { zero: false }, axis: { format: '.2f' } },
    },
    layer: seriesLayers(names, 'activation', 'activation', false),
  });
  const loss = 'cross-entropy (log scale)';
  const accuracy = 'accuracy (fraction correct)';
  return styled({
    title: { text: `Training on ${comparison.dataset}`, subtitle: "one line per activation, the first repeat's run; validation data: the test split" },
    data: { values },
    vconcat: [
      { hconcat: [panel('loss', 'Training loss', loss, true), panel('valLoss', 'Validation loss', loss, true)] },
      { hconcat: [panel('accuracy', 'Training accuracy', accuracy, false), panel('valAccuracy', 'Validation accuracy', accuracy, false)] },
    ],
  });
}

export function accuracySpec(comparison: Comparison): Spec {
  requireComparison(comparison, 'comparison');
  const names = comparison.results.map((r) => r.activation);
  const repeats = comparison.results[0].runs.length;
  const values = comparison.results.map((r) => ({ activation: r.activation, accuracy: r.mean.testAccuracy, low: r.mean.testAccuracy - r.std.testAccuracy, high: r.mean.testAccuracy + r.std.testAccuracy }));
  return styled({
    title: { text: `Test accuracy on ${comparison.dataset}`, subtitle: repeats > 1 ? `mean over ${repeats} repeats (split and initial weights), line: ± 1 standard deviation` : 'one run' },
    width: 360,
    height: { step: 22 },
    data: { values },
    encoding: {
      // results come sorted by accuracy; an explicit order (not sort: '-x') keeps the layers' domains in agreement
      y: { field: 'activation', type: 'nominal', sort: names, title: 'activation' },
      x: { field: 'accuracy', type: 'quantitative', title: 'test accuracy (fraction correct)', scale: { zero: false }, axis: { format: '.2f' } },
    },
    layer: [
      { mark: 'bar', encoding: { color: { ...seriesColor(names, 'activation', 'activation'), legend: null } } },
      ...(repeats > 1 ? [{ mark: { type: 'rule', color: '#222' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } }] : []),
      // the figure right of the bar and of its spread, so neither covers it
      { mark: { type: 'text', align: 'left', dx: 3 }, encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'accuracy', type: 'quantitative', format: '.3f' } } },
    ],
  });
}
