/**
 * Activation curves: f solid and f' dashed, one panel per activation in a grid (STUDY.md A), or one
 * function on its own. Each panel is a chart of its own (a concat, not a facet), so every panel
 * has its x tick labels and axis titles and its zero lines, and a short last row has no stray axis.
 */
import type { ActivationCurve, Curves } from '../analysis/curves.js';
import { checkOptions, type OptionNames } from '../options.js';
import { requirePositiveInteger } from '../validate.js';
import { requireCurves, requireTitle } from './inputs.js';
import { styled, type Spec } from './style.js';

export interface CurvesSpecOptions {
  /** Panels per row; by default the count that fills every row (3 for the six classic activations). */
  columns?: number;
  title?: string;
}
const CURVES_SPEC_OPTIONS: OptionNames<CurvesSpecOptions> = { columns: true, title: true };

const F = 'f(x)';
const DF = "f'(x)";

/** Columns for n panels: every row full if 3, 4, 5 or 2 columns manage it, else 3 (or n up to 5, one row). */
export function gridColumns(n: number): number {
  if (n <= 5) return n;
  return [3, 4, 5, 2].find((c) => n % c === 0) ?? 3;
}

function panel(x: readonly number[], curve: ActivationCurve, size: { width: number; height: number }, title: Spec | string): Spec {
  const from = x[0];
  const to = x[x.length - 1];
  const values = x.flatMap((xi, i) => [
    { x: xi, value: curve.f[i], curve: F },
    { x: xi, value: curve.df[i], curve: DF },
  ]);
  const rule = { type: 'rule', color: '#555', strokeWidth: 1 };
  const xScale = { domain: [from, to], nice: false, zero: false };
  const layers: Spec[] = [
    // the zero lines under the curves: y = 0 always (the y scale includes 0), x = 0 when it is in [from, to]
    { data: { values: [{}] }, mark: rule, encoding: { y: { datum: 0 } } },
    ...(from <= 0 && to >= 0 ? [{ data: { values: [{}] }, mark: rule, encoding: { x: { datum: 0, scale: xScale } } }] : []),
    {
      data: { values },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: 'x (input)', scale: xScale },
        y: { field: 'value', type: 'quantitative', title: 'f(x), f\u2032(x)' },
        color: { field: 'curve', type: 'nominal', title: null, scale: { domain: [F, DF], range: ['#1f77b4', '#d62728'] } },
        strokeDash: { field: 'curve', type: 'nominal', title: null, scale: { domain: [F, DF], range: [[1, 0], [6, 3]] } },
      },
    },
  ];
  return { title, ...size, layer: layers };
}

/** The grid of small panels: f (solid) and f' (dashed) per activation, every panel with its own axes. */
export function curvesSpec(curves: Curves, options: CurvesSpecOptions = {}): Spec {
  checkOptions(options, 'curvesSpec()', CURVES_SPEC_OPTIONS);
  requireCurves(curves, 'curves');
  const title = requireTitle(options.title, 'title') ?? 'Activation functions f(x) (solid) and their derivatives f\u2032(x) (dashed)';
  const columns = options.columns === undefined ? gridColumns(curves.curves.length) : requirePositiveInteger(options.columns, 'columns', 64);
  const x = curves.x;
  return styled({
    title: { text: title, subtitle: `x from ${x[0]} to ${x[x.length - 1]}, ${x.length} points; grey lines at x = 0 and y = 0` },
    columns,
    spacing: 24,
    concat: curves.curves.map((c) => panel(x, c, { width: 200, height: 150 }, c.name)),
  });
}

/** One function and its derivative, with its formula in the title. */
export function curveSpec(curves: Curves, name: string): Spec {
  requireCurves(curves, 'curves');
  const curve = curves.curves.find((c) => c.name === name);
  if (curve === undefined) throw new RangeError(`name must be one of the curves' activations (${curves.curves.map((c) => c.name).join(', ')}), got ${JSON.stringify(name)}`);
  return styled(panel(curves.x, curve, { width: 420, height: 260 }, { text: `${curve.name}: f(x) = ${curve.formula}`, subtitle: "f(x) solid, f\u2032(x) dashed; grey lines at x = 0 and y = 0" }));
}
