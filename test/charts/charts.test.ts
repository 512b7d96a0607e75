import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activationCurves } from '../../src/analysis/curves.js';
import { compareActivations, type Comparison } from '../../src/analysis/compare.js';
import { decisionBoundary } from '../../src/analysis/decision-boundary.js';
import { gradientFlow } from '../../src/analysis/gradient-flow.js';
import { renderSvg } from '../../src/charts/render.js';
import { accuracyBarSpec, curvesGridSpec, curveSpec, decisionBoundarySpec, gradientFlowSpecs, trainingCurvesSpec } from '../../src/charts/specs.js';

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
    const svg = await renderSvg(curvesGridSpec(curves));
    wellFormed(svg);
    expect(texts(svg)).toEqual(expect.arrayContaining(['sigmoid', 'relu', 'tanh', 'f(x)', "f'(x)"]));
    expect((svg.match(/class="mark-line role-mark/g) ?? []).length).toBe(6); // a group per panel and curve
    wellFormed(await renderSvg(curveSpec(curves.x, curves.curves[0])));
  });

  it('training curves, accuracy bars and the decision boundary of a comparison', async () => {
    comparison = await compareActivations({ dataset: 'moons', activations: ['relu', 'tanh'], epochs: 4 });
    const training = await renderSvg(trainingCurvesSpec(comparison));
    wellFormed(training);
    expect(warnings, 'training').toEqual([]);
    expect(texts(training)).toEqual(expect.arrayContaining(['Training loss', 'Validation loss', 'Training accuracy', 'Validation accuracy', 'relu', 'tanh']));
    const bars = await renderSvg(accuracyBarSpec(comparison));
    expect(warnings, 'bars').toEqual([]);
    expect((bars.match(/<path[^>]*aria-roledescription="bar"/g) ?? []).length).toBe(2);
    const grid = decisionBoundary(comparison.results[0].model, comparison.xTest, comparison.yTest, { resolution: 20 });
    const boundary = await renderSvg(decisionBoundarySpec(grid, 'boundary'));
    wellFormed(boundary);
    expect(texts(boundary)).toEqual(expect.arrayContaining(['predicted', 'label']));
  });

  it('gradient flow: four log-scale charts, one line per activation', async () => {
    const specs = gradientFlowSpecs(gradientFlow({ activations: ['sigmoid', 'relu'], depths: [2, 4], seed: 1 }));
    expect(specs.map((s) => s.name)).toEqual(['mean', 'std', 'min', 'max']);
    for (const { spec } of specs) {
      const svg = await renderSvg(spec);
      wellFormed(svg);
      expect((svg.match(/class="mark-line role-mark/g) ?? []).length).toBe(2); // a group per activation
      expect(texts(svg)).toEqual(expect.arrayContaining(['sigmoid', 'relu', 'layers (output included)']));
    }
  });
});
