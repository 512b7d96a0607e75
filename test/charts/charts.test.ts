import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activationCurves } from '../../src/analysis/curves.js';
import { compareActivations, type Comparison } from '../../src/analysis/compare.js';
import { decisionBoundary } from '../../src/analysis/decision-boundary.js';
import { gradientFlow } from '../../src/analysis/gradient-flow.js';
import { renderSvg } from '../../src/charts/render.js';
import { accuracySpec, trainingCurvesSpec } from '../../src/charts/comparison.js';
import { curvesSpec, curveSpec } from '../../src/charts/curves.js';
import { decisionBoundarySpec } from '../../src/charts/decision-boundary.js';
import { GRADIENT_STATISTICS, gradientFlowSpec } from '../../src/charts/gradient-flow.js';

/** Each chart renders to SVG without a warning from Vega, and shows the series it should. */
let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args) => void warnings.push(args.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(warnings).toEqual([]);
});

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const wellFormed = (svg: string) => {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  const opened = (svg.match(/<g[\s>]/g) ?? []).length;
  expect((svg.match(/<\/g>/g) ?? []).length).toBe(opened);
};

let comparison: Comparison;
describe('charts', () => {
  it('curves: one panel per activation, f and f\' in each', async () => {
    const curves = activationCurves(['sigmoid', 'relu', 'tanh'], { points: 51 });
    const svg = await renderSvg(curvesSpec(curves));
    wellFormed(svg);
    expect(texts(svg)).toEqual(expect.arrayContaining(['sigmoid', 'relu', 'tanh', 'f(x)', "f'(x)"]));
    expect((svg.match(/class="mark-line role-mark/g) ?? []).length).toBe(6); // a group per panel and curve
    wellFormed(await renderSvg(curveSpec(curves, curves.curves[0].name)));
  });

  it('training curves, accuracy bars and the decision boundary of a comparison', async () => {
    comparison = await compareActivations({ dataset: 'moons', activations: ['relu', 'tanh'], epochs: 4 });
    const training = await renderSvg(trainingCurvesSpec(comparison));
    wellFormed(training);
    expect(warnings, 'training').toEqual([]);
    expect(texts(training)).toEqual(expect.arrayContaining(['Training loss', 'Validation loss', 'Training accuracy', 'Validation accuracy', 'relu', 'tanh']));
    const bars = await renderSvg(accuracySpec(comparison));
    expect(warnings, 'bars').toEqual([]);
    expect((bars.match(/<path[^>]*aria-roledescription="bar"/g) ?? []).length).toBe(2);
    const grid = decisionBoundary(comparison.results[0].model, comparison.xTest, comparison.yTest, { resolution: 20 });
    const boundary = await renderSvg(decisionBoundarySpec(grid, { title: 'boundary' }));
    wellFormed(boundary);
    expect(texts(boundary)).toEqual(expect.arrayContaining(['class', 'x1 (first input feature)', 'x2 (second input feature)']));
  });

  it('gradient flow: four log-scale charts, one line per activation', async () => {
    const rows = gradientFlow({ activations: ['sigmoid', 'relu'], depths: [2, 4], seed: 1 });
    expect(GRADIENT_STATISTICS).toEqual(['mean', 'std', 'min', 'max']);
    for (const statistic of GRADIENT_STATISTICS) {
      const svg = await renderSvg(gradientFlowSpec(rows, { statistic }));
      wellFormed(svg);
      expect((svg.match(/class="mark-line role-mark/g) ?? []).length).toBe(2); // a group per activation
      expect(texts(svg)).toEqual(expect.arrayContaining(['sigmoid', 'relu', 'depth (layers, output included)']));
    }
  });
});
