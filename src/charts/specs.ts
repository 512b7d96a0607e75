/**
 * The studies' charts as Vega-Lite specs (data inline): what each figure shows is decided here,
 * how it is drawn by Vega-Lite. Every builder takes the analysis result it draws.
 */
import type { Comparison } from '../analysis/compare.js';
import type { ActivationCurve, Curves } from '../analysis/curves.js';
import type { DecisionBoundary } from '../analysis/decision-boundary.js';
import type { GradientFlowRow } from '../analysis/gradient-flow.js';
import type { Spec } from './render.js';

const PALETTE = { scheme: 'tableau10' };

function curveRows(x: number[], curve: ActivationCurve) {
  return x.flatMap((xi, i) => [
    { activation: curve.name, x: xi, value: curve.f[i], curve: 'f(x)' },
    { activation: curve.name, x: xi, value: curve.df[i], curve: "f'(x)" },
  ]);
}

const curveLayer = {
  mark: { type: 'line', strokeWidth: 2 },
  encoding: {
    x: { field: 'x', type: 'quantitative', title: 'x' },
    y: { field: 'value', type: 'quantitative', title: null },
    color: { field: 'curve', type: 'nominal', title: null, scale: { domain: ['f(x)', "f'(x)"], range: ['#1f77b4', '#d62728'] } },
    strokeDash: { field: 'curve', type: 'nominal', title: null, scale: { domain: ['f(x)', "f'(x)"], range: [[1, 0], [6, 3]] } },
  },
};

/** The classic grid: one panel per activation (3 columns), f solid and f' dashed. */
export function curvesGridSpec(curves: Curves): Spec {
  return {
    title: 'Activation functions and their derivatives',
    data: { values: curves.curves.flatMap((c) => curveRows(curves.x, c)) },
    facet: { field: 'activation', type: 'nominal', title: null, sort: curves.curves.map((c) => c.name) },
    columns: 3,
    spec: { width: 220, height: 160, ...curveLayer },
    resolve: { scale: { y: 'independent' } },
  };
}

export function curveSpec(x: number[], curve: ActivationCurve): Spec {
  return { title: `${curve.name}: f(x) = ${curve.formula}`, width: 420, height: 260, data: { values: curveRows(x, curve) }, ...curveLayer };
}

/** Training and validation loss and accuracy per epoch, one line per activation (first seed). */
export function trainingCurvesSpec(comparison: Comparison): Spec {
  const values = comparison.results.flatMap((r) => {
    const h = r.runs[0].history.history;
    return h.loss.map((_, epoch) => ({ activation: r.activation, epoch: epoch + 1, loss: h.loss[epoch], valLoss: h.valLoss?.[epoch], accuracy: h.accuracy?.[epoch], valAccuracy: h.valAccuracy?.[epoch] }));
  });
  const panel = (field: string, title: string, log: boolean) => ({
    width: 300,
    height: 200,
    title,
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch' },
      y: { field, type: 'quantitative', title: null, scale: log ? { type: 'log' } : { zero: false } },
      color: { field: 'activation', type: 'nominal', scale: PALETTE },
    },
  });
  return {
    title: `Training on ${comparison.dataset}`,
    data: { values },
    vconcat: [
      { hconcat: [panel('loss', 'Training loss', true), panel('valLoss', 'Validation loss', true)] },
      { hconcat: [panel('accuracy', 'Training accuracy', false), panel('valAccuracy', 'Validation accuracy', false)] },
    ],
  };
}

export function accuracyBarSpec(comparison: Comparison): Spec {
  return {
    title: `Test accuracy on ${comparison.dataset}`,
    width: 360,
    height: { step: 22 },
    data: { values: comparison.results.map((r) => ({ activation: r.activation, accuracy: r.mean.testAccuracy, std: r.std.testAccuracy })) },
    encoding: {
      // results come sorted by accuracy; an explicit order (not sort: '-x') keeps the layers' domains in agreement
      y: { field: 'activation', type: 'nominal', sort: comparison.results.map((r) => r.activation), title: null },
      x: { field: 'accuracy', type: 'quantitative', title: 'test accuracy', scale: { zero: false } },
    },
    layer: [
      { mark: 'bar', encoding: { color: { field: 'activation', type: 'nominal', scale: PALETTE, legend: null } } },
      { mark: { type: 'text', align: 'left', dx: 3 }, encoding: { text: { field: 'accuracy', type: 'quantitative', format: '.3f' } } },
    ],
  };
}

/** Predicted class over the plane (shaded by confidence) under the data points. */
export function decisionBoundarySpec(grid: DecisionBoundary, title: string): Spec {
  const dx = (grid.xs[1] - grid.xs[0]) / 2;
  const dy = (grid.ys[1] - grid.ys[0]) / 2;
  const cells = grid.classes.map((cls, k) => {
    const x = grid.xs[k % grid.xs.length];
    const y = grid.ys[Math.floor(k / grid.xs.length)];
    return { x0: x - dx, x1: x + dx, y0: y - dy, y1: y + dy, class: String(cls), confidence: grid.confidence[k] };
  });
  const axis = (field: string, title: string) => ({ field, type: 'quantitative', title, scale: { zero: false, nice: false } });
  return {
    title,
    width: 360,
    height: 360,
    layer: [
      {
        data: { values: cells },
        mark: { type: 'rect', opacity: 0.35 },
        encoding: { x: axis('x0', 'x1'), x2: { field: 'x1' }, y: axis('y0', 'x2'), y2: { field: 'y1' }, color: { field: 'class', type: 'nominal', scale: PALETTE, title: 'predicted' } },
      },
      {
        data: { values: grid.points.map((p) => ({ ...p, label: String(p.label) })) },
        mark: { type: 'point', filled: true, size: 18, stroke: 'black', strokeWidth: 0.3 },
        encoding: { x: axis('x', 'x1'), y: axis('y', 'x2'), fill: { field: 'label', type: 'nominal', scale: PALETTE, title: 'label' } },
      },
    ],
  };
}

/** Mean, std, min and max of the per-layer gradient norms against depth, log scale. */
export function gradientFlowSpecs(rows: GradientFlowRow[]): Array<{ name: string; spec: Spec }> {
  return (['mean', 'std', 'min', 'max'] as const).map((stat) => ({
    name: stat,
    spec: {
      title: `Gradient norm (${stat} over layers) against depth`,
      width: 360,
      height: 240,
      data: { values: rows.map((r) => ({ activation: r.activation, depth: r.depth, value: r[stat] })) },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'depth', type: 'quantitative', title: 'layers (output included)' },
        y: { field: 'value', type: 'quantitative', title: `${stat} of gradient norms (kernels and biases)`, scale: { type: 'log' } },
        color: { field: 'activation', type: 'nominal', scale: PALETTE },
      },
    },
  }));
}
