/** A trained 2-D classifier's predicted class over the plane (shaded by confidence) under the data points. */
import type { DecisionBoundary } from '../analysis/decision-boundary.js';
import { checkOptions, type OptionNames } from '../options.js';
import { requireBoundary, requireTitle } from './inputs.js';
import { COLORS, styled, type Spec } from './style.js';

export interface DecisionBoundarySpecOptions {
  title?: string;
}
const DECISION_BOUNDARY_SPEC_OPTIONS: OptionNames<DecisionBoundarySpecOptions> = { title: true };

export function decisionBoundarySpec(boundary: DecisionBoundary, options: DecisionBoundarySpecOptions = {}): Spec {
  checkOptions(options, 'decisionBoundarySpec()', DECISION_BOUNDARY_SPEC_OPTIONS);
  requireBoundary(boundary, 'boundary');
  const title = requireTitle(options.title, 'title') ?? 'Decision boundary';
  const dx = (boundary.xs[1] - boundary.xs[0]) / 2;
  const dy = (boundary.ys[1] - boundary.ys[0]) / 2;
  const cells = boundary.classes.map((cls, k) => {
    const x = boundary.xs[k % boundary.xs.length];
    const y = boundary.ys[Math.floor(k / boundary.xs.length)];
    return { x0: x - dx, x1: x + dx, y0: y - dy, y1: y + dy, class: String(cls), confidence: boundary.confidence[k] };
  });
  // the same colour for a class in the shading and in the points
  const classes = [...new Set([...boundary.classes, ...boundary.points.map((p) => p.label)])].sort((a, b) => a - b).map(String);
  const colors = { domain: classes, range: classes.map((_, i) => COLORS[i % COLORS.length]) };
  const axis = (field: string, title: string) => ({ field, type: 'quantitative', title, scale: { zero: false, nice: false } });
  return styled({
    title: { text: title, subtitle: 'shading: predicted class on a grid; points: samples, coloured by their label' },
    width: 360,
    height: 360,
    layer: [
      {
        data: { values: cells },
        mark: { type: 'rect', opacity: 0.35 },
        encoding: { x: axis('x0', 'x1 (first input feature)'), x2: { field: 'x1' }, y: axis('y0', 'x2 (second input feature)'), y2: { field: 'y1' }, color: { field: 'class', type: 'nominal', scale: colors, title: 'class' } },
      },
      {
        data: { values: boundary.points.map((p) => ({ ...p, label: String(p.label) })) },
        mark: { type: 'point', filled: true, size: 18, stroke: 'black', strokeWidth: 0.3 },
        encoding: { x: axis('x', 'x1 (first input feature)'), y: axis('y', 'x2 (second input feature)'), fill: { field: 'label', type: 'nominal', scale: colors, title: 'class' } },
      },
    ],
  });
}
