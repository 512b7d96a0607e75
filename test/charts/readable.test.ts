import { describe, expect, it } from 'vitest';
import { activationCurves } from '../../src/analysis/curves.js';
import type { GradientFlowRow } from '../../src/analysis/gradient-flow.js';
import { accuracySpec, trainingCurvesSpec } from '../../src/charts/comparison.js';
import { curvesSpec, curveSpec, gridColumns } from '../../src/charts/curves.js';
import { decisionBoundarySpec } from '../../src/charts/decision-boundary.js';
import { endLabels } from '../../src/charts/end-labels.js';
import { GRADIENT_STATISTICS, gradientFlowSpec } from '../../src/charts/gradient-flow.js';
import * as charts from '../../src/charts/index.js';
import { renderSvg } from '../../src/charts/render.js';

/**
 * The rules a chart must keep to be read correctly, checked on the rendered SVG: a full grid, axes
 * and zero lines on every panel, one number format on a log axis, a title and axis titles on every
 * chart. And the chart functions' refusals of wrong input, naming the argument.
 */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
/** Tick labels of each X or Y axis: the texts of the label group in each axis's part of the SVG. */
const axisLabels = (svg: string, kind: 'X' | 'Y') => svg.split('class="mark-group role-axis"').filter((part) => part.includes(`aria-label="${kind}-axis`))
  .map((part) => part.split('role-axis-label')[1]?.split('</g>')[0] ?? '')
  .map((group) => [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]));
const axisTitles = (svg: string) => [...svg.matchAll(/aria-label="([XY])-axis titled '([^']*)'/g)].map((m) => `${m[1]}: ${m[2]}`);
const ruleGroups = (svg: string) => (svg.match(/class="mark-rule role-mark/g) ?? []).length;

const rows: GradientFlowRow[] = ['relu', 'leakyRelu', 'sigmoid'].flatMap((activation, a) => [3, 5, 10].map((depth, d) => {
  const mean = 10 ** (-1 - a * 2 - d * 1.5); // spans 1e-1 to 1e-8, where Vega's own ticks mixed '0.000001' with '1e-7'
  return { activation, depth, layerNorms: [mean], biasNorms: [mean], mean, std: mean / 2, min: mean / 10, max: mean * 10 };
}));

describe('charts a person reads correctly', () => {
  it('fills the curves grid: columns chosen so no cell is empty', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 9, 10, 12].map(gridColumns)).toEqual([1, 2, 3, 4, 5, 3, 4, 3, 5, 3]);
    for (const n of [6, 8, 9, 10, 12]) expect(n % gridColumns(n)).toBe(0);
    const eight = curvesSpec(activationCurves(['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'silu', 'gelu', 'softplus'], { points: 11 }));
    expect(eight.columns).toBe(4);
    expect(eight.concat).toHaveLength(8);
  });

  it('gives every curves panel its x axis with tick labels and titles, and zero lines at x = 0 and y = 0', async () => {
    const names = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'silu'];
    const svg = await renderSvg(curvesSpec(activationCurves(names, { points: 41 })));
    const xLabels = axisLabels(svg, 'X');
    expect(xLabels).toHaveLength(names.length);
    for (const labels of xLabels) expect(labels).toEqual(['−4', '−2', '0', '2', '4']);
    expect(axisTitles(svg).filter((t) => t === 'X: x (input)')).toHaveLength(names.length);
    expect(axisTitles(svg).filter((t) => t === 'Y: f(x), f′(x)')).toHaveLength(names.length);
    expect(ruleGroups(svg)).toBe(2 * names.length);
    expect(texts(svg)).toContain('Activation functions f(x) (solid) and their derivatives f′(x) (dashed)');
  });

  it('draws no x = 0 line, and keeps the x range, when 0 is outside it', async () => {
    const svg = await renderSvg(curvesSpec(activationCurves(['relu', 'tanh'], { from: 1, to: 4, points: 11 })));
    expect(ruleGroups(svg)).toBe(2); // y = 0 in each panel
    for (const labels of axisLabels(svg, 'X')) expect(labels[0]).toBe('1.0');
  });

  it('writes every tick of a log axis as a power of ten in one format', async () => {
    for (const statistic of GRADIENT_STATISTICS) {
      const svg = await renderSvg(gradientFlowSpec(rows, { statistic }));
      const [y] = axisLabels(svg, 'Y');
      expect(y.length).toBeGreaterThanOrEqual(3);
      for (const label of y) expect(label).toMatch(/^1e[+-]\d+$/);
      expect(axisLabels(svg, 'X')[0]).toEqual(['3', '5', '10']);
    }
  });

  it('keeps each series apart: its own colour, dash pattern and marker, drawn in the order given', () => {
    const spec = gradientFlowSpec(rows);
    const layers = spec.layer as Array<{ transform: Array<{ filter: { equal: string } }>; mark: { type: string; strokeWidth?: number }; encoding: Record<string, { scale: { domain: string[]; range: unknown[] } }> }>;
    const lines = layers.filter((l) => l.mark.type === 'line');
    expect(lines.map((l) => l.transform[0].filter.equal)).toEqual(['relu', 'leakyRelu', 'sigmoid']);
    const { domain, range } = lines[0].encoding.strokeDash.scale;
    expect(domain).toEqual(['relu', 'leakyRelu', 'sigmoid']);
    expect(new Set(range.map(String)).size).toBe(3);
    expect(new Set(lines[0].encoding.color.scale.range).size).toBe(3);
    // a series drawn later is narrower, so the one under it shows at its edges
    expect(lines.map((l) => l.mark.strokeWidth!)).toEqual([...lines.map((l) => l.mark.strokeWidth!)].sort((a, b) => b - a));
    expect(new Set(layers.filter((l) => l.mark.type === 'point')[0].encoding.shape.scale.range).size).toBe(3);
  });

  it('labels each line at its end, names at least 12 px apart where lines end together, within the plot', async () => {
    const ends = endLabels([
      { name: 'relu', x: 20, y: 5.38e-3 }, { name: 'leakyRelu', x: 20, y: 5.52e-3 }, { name: 'relu', x: 10, y: 2e-2 }, { name: 'tanh', x: 20, y: 1e-3 }, { name: 'elu', x: 20, y: 0.99e-3 },
    ], [1e-3, 1], 240);
    expect(ends.map((l) => [l.name, l.x])).toEqual([['leakyRelu', 20], ['relu', 20], ['tanh', 20], ['elu', 20]]);
    const pixel = (v: number) => 240 * (1 - (Math.log10(v) + 3) / 3);
    ends.slice(1).forEach((l, i) => expect(pixel(l.y) - pixel(ends[i].y)).toBeGreaterThanOrEqual(12 - 1e-9));
    for (const l of ends) expect(pixel(l.y)).toBeLessThanOrEqual(240 + 1e-9);
    expect(pixel(ends[1].y) - pixel(5.38e-3)).toBeLessThan(12); // moved no further than it must
    const svg = await renderSvg(gradientFlowSpec(rows));
    for (const name of ['relu', 'leakyRelu', 'sigmoid']) expect(texts(svg).filter((t) => t === name), name).toHaveLength(2); // legend and line end
  });

  it('says how many zero norms a log axis leaves out', () => {
    const spec = gradientFlowSpec([...rows, { ...rows[0], depth: 20, min: 0 }], { statistic: 'min' });
    expect((spec.title as { subtitle: string }).subtitle).toMatch(/1 zero values not drawn/);
  });

  it('titles every chart and its axes', async () => {
    const curves = activationCurves(['relu', 'tanh'], { points: 11 });
    const history = (loss: number[]) => ({ history: { loss, valLoss: loss, accuracy: loss.map((l) => 1 - l), valAccuracy: loss.map((l) => 1 - l) } });
    const comparison = {
      dataset: 'moons',
      results: ['relu', 'tanh'].map((activation, i) => ({ activation, runs: [{ history: history([0.7, 0.4 - i / 10, 0.2]) }, { history: history([0.6, 0.3, 0.1]) }], mean: { testAccuracy: 0.9 - i / 10 }, std: { testAccuracy: 0.02 } })),
    } as never;
    const boundary = { xs: [0, 1], ys: [0, 1], classes: [0, 1, 1, 0], confidence: [0.9, 0.8, 0.7, 0.6], points: [{ x: 0.2, y: 0.3, label: 1 }] };
    const expected: Array<[string, Record<string, unknown>, string[]]> = [
      ['curves', curvesSpec(curves), ['X: x (input)', 'Y: f(x), f′(x)']],
      ['one curve', curveSpec(curves, 'tanh'), ['X: x (input)', 'Y: f(x), f′(x)']],
      ['training', trainingCurvesSpec(comparison), ['X: epoch', 'Y: cross-entropy (log scale)', 'Y: accuracy (fraction correct)']],
      ['accuracy', accuracySpec(comparison), ['X: test accuracy (fraction correct)', 'Y: activation']],
      ['gradient flow', gradientFlowSpec(rows), ['X: depth (layers, output included)', 'Y: mean of gradient L2 norms (log scale)']],
      ['decision boundary', decisionBoundarySpec(boundary), ['X: x1 (first input feature)', 'Y: x2 (second input feature)']],
    ];
    for (const [name, spec, axes] of expected) {
      expect((spec.title as { text: string }).text, name).toMatch(/\w/);
      expect(spec.$schema, name).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      const svg = await renderSvg(spec);
      expect(texts(svg), name).toContain((spec.title as { text: string }).text);
      const titles = axisTitles(svg);
      expect(titles, name).toEqual(expect.arrayContaining(axes));
      expect(titles.length, `${name}: every axis has a title`).toBe((svg.match(/aria-label="[XY]-axis/g) ?? []).length);
    }
  });
});

describe('actfn/charts refuses wrong input, naming the argument', () => {
  const curves = activationCurves(['relu'], { points: 5 });
  it.each([
    ['curvesSpec(undefined)', () => charts.curvesSpec(undefined as never), TypeError, /^curves must be the result of activationCurves\(\)/],
    ['curvesSpec with a short f', () => charts.curvesSpec({ x: [0, 1], curves: [{ name: 'relu', f: [0], df: [0, 1] }] } as never), TypeError, /^curves\.curves\[0\] must be/],
    ['curvesSpec columns 0', () => charts.curvesSpec(curves, { columns: 0 }), RangeError, /^columns must be an integer from 1 to 64, got 0/],
    ['curvesSpec title 3', () => charts.curvesSpec(curves, { title: 3 as never }), TypeError, /^title must be a string/],
    ['curveSpec of a name not drawn', () => charts.curveSpec(curves, 'tanh'), RangeError, /^name must be one of the curves' activations \(relu\), got "tanh"/],
    ['gradientFlowSpec({})', () => charts.gradientFlowSpec({} as never), TypeError, /^rows must be the rows gradientFlow\(\) returns/],
    ['gradientFlowSpec([])', () => charts.gradientFlowSpec([]), RangeError, /^rows must hold at least one row/],
    ['gradientFlowSpec statistic', () => charts.gradientFlowSpec(rows, { statistic: 'median' as never }), RangeError, /^statistic must be one of mean, std, min, max, got "median"/],
    ['trainingCurvesSpec(json)', () => charts.trainingCurvesSpec({ dataset: 'moons', results: [{ activation: 'relu' }] } as never), TypeError, /^comparison must be the result of compareActivations\(\)/],
    ['accuracySpec(null)', () => charts.accuracySpec(null as never), TypeError, /^comparison must be/],
    ['decisionBoundarySpec classes', () => charts.decisionBoundarySpec({ xs: [0, 1], ys: [0, 1], classes: [0], confidence: [1], points: [] }), RangeError, /^boundary must have .* one class per grid point \(4\), got 1/],
  ])('%s', (_, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });

  it('renderSvg(spec) draws a spec of the chart functions, and refuses a spec that is not an object', async () => {
    expect((await charts.renderSvg(charts.curvesSpec(curves))).startsWith('<svg')).toBe(true);
    await expect(charts.renderSvg('bar' as never)).rejects.toThrow(new TypeError('spec must be a Vega-Lite spec (an object, as the chart functions return), got string'));
  });
});
