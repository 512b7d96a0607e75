/**
 * Gradient flow against depth (STUDY.md C): one statistic of the per-layer gradient norms per
 * chart, log y axis with ticks at powers of ten, one line per activation. relu and leakyRelu
 * give nearly the same norms, so each series has its own dash pattern and point shape, the
 * series drawn first are wider, so neither hides the other, and each line's name stands at its
 * end (end-labels.ts), the legend below.
 */
import type { GradientFlowRow } from '../analysis/gradient-flow.js';
import { checkOptions, type OptionNames } from '../options.js';
import { requireGradientRows, requireTitle } from './inputs.js';
import { endLabels } from './end-labels.js';
import { COLORS, CONFIG, logAxis, seriesLayers, styled, type Spec } from './style.js';

export const GRADIENT_STATISTICS = ['mean', 'std', 'min', 'max'] as const;
export type GradientStatistic = (typeof GRADIENT_STATISTICS)[number];

export interface GradientFlowSpecOptions {
  /** Which statistic over the layers' norms to draw: 'mean' (the default), 'std', 'min' or 'max'. */
  statistic?: GradientStatistic;
  title?: string;
}
const GRADIENT_FLOW_SPEC_OPTIONS: OptionNames<GradientFlowSpecOptions> = { statistic: true, title: true };

const MEANING: Record<GradientStatistic, string> = {
  mean: 'mean (vanishing or exploding)',
  std: 'standard deviation',
  min: 'minimum (vanishing indicator)',
  max: 'maximum (exploding indicator)',
};

export function gradientFlowSpec(rows: readonly GradientFlowRow[], options: GradientFlowSpecOptions = {}): Spec {
  checkOptions(options, 'gradientFlowSpec()', GRADIENT_FLOW_SPEC_OPTIONS);
  requireGradientRows(rows, 'rows');
  const stat = options.statistic ?? 'mean';
  if (!GRADIENT_STATISTICS.includes(stat)) throw new RangeError(`statistic must be one of ${GRADIENT_STATISTICS.join(', ')}, got ${JSON.stringify(stat)}`);
  const names = [...new Set(rows.map((r) => r.activation))];
  const all = rows.map((r) => ({ activation: r.activation, depth: r.depth, value: r[stat] }));
  // a log axis cannot show a zero norm (a layer of dead units): say how many are left out
  const values = all.filter((r) => r.value > 0 && Number.isFinite(r.value));
  const omitted = all.length - values.length;
  const { scale, axis } = logAxis(values.map((r) => r.value));
  const title = requireTitle(options.title, 'title') ?? `Gradient norms against depth: ${MEANING[stat]} over layers`;
  const subtitle = `L2 norm of each layer's kernel and bias gradient, one batch, binary cross-entropy${omitted ? `; ${omitted} zero values not drawn (log scale)` : ''}`;
  const depths = [...new Set(rows.map((r) => r.depth))].sort((a, b) => a - b);
  const height = 240;
  const labels = endLabels(values.map((r) => ({ name: r.activation, x: r.depth, y: r.value })), scale.domain as [number, number], height);
  // each name beside its line's end, in its colour, right of the plot area
  const labelLayers = labels.map((l) => ({
    data: { values: [{ depth: l.x, value: l.y, activation: l.name }] },
    mark: { type: 'text', align: 'left', baseline: 'middle', dx: 14, fontSize: 11, color: COLORS[names.indexOf(l.name) % COLORS.length] },
    encoding: { text: { field: 'activation' } },
  }));
  return styled({
    title: { text: title, subtitle },
    width: 360,
    height,
    data: { values },
    encoding: {
      x: { field: 'depth', type: 'quantitative', title: 'depth (layers, output included)', axis: { values: depths, format: 'd' }, scale: { zero: false, nice: false, padding: 8 } },
      y: { field: 'value', type: 'quantitative', title: `${stat} of gradient L2 norms (log scale)`, scale, axis },
    },
    layer: [...seriesLayers(names, 'activation', 'activation', true), ...labelLayers],
    // the legend (marker and dash per name) below, where the end labels cannot run into it
    config: { legend: { ...CONFIG.legend, orient: 'bottom', direction: 'horizontal', columns: 3 } },
  });
}
