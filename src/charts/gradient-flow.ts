/**
 * Gradient flow against depth (STUDY.md C): one statistic of the per-layer gradient norms per
 * chart, log y axis with ticks at powers of ten, one line per activation. relu and leakyRelu
 * give nearly the same norms, so each series has its own dash pattern and point shape, and the
 * series drawn first are wider, so neither hides the other.
 */
import type { GradientFlowRow } from '../analysis/gradient-flow.js';
import { checkOptions, type OptionNames } from '../options.js';
import { requireGradientRows, requireTitle } from './inputs.js';
import { logAxis, seriesLayers, styled, type Spec } from './style.js';

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
  return styled({
    title: { text: title, subtitle },
    width: 360,
    height: 240,
    data: { values },
    encoding: {
      x: { field: 'depth', type: 'quantitative', title: 'depth (layers, output included)', axis: { values: depths, format: 'd' }, scale: { zero: false, nice: false, padding: 8 } },
      y: { field: 'value', type: 'quantitative', title: `${stat} of gradient L2 norms (log scale)`, scale, axis },
    },
    layer: seriesLayers(names, 'activation', 'activation', true),
  });
}
