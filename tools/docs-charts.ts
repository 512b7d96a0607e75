/**
 * The charts the README embeds (docs/*.svg), made through 'actfn/charts' as a user would. The js
 * backend and fixed seeds make them the same on every machine (the native kernels' last bits
 * differ between instruction sets). `cheap` charts take a second or so: test/charts/docs.test.ts
 * checks that those on disk are current; the trained ones are checked by
 * `node tools/docs-charts.mjs --check` (npm run docs:charts -- --check).
 */
import { activationCurves, adam, compareActivations, decisionBoundary, gradientFlow, setBackend } from '../src/index.js';
import { accuracySpec, curvesSpec, curveSpec, decisionBoundarySpec, GRADIENT_STATISTICS, gradientFlowSpec, renderSvg, trainingCurvesSpec } from '../src/charts/index.js';

const CLASSIC = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'silu'];

export interface DocsChart {
  /** Path from the repository root. */
  readonly path: string;
  readonly cheap: boolean;
  readonly make: () => Promise<string>;
}

const curves = () => activationCurves(CLASSIC, { from: -5, to: 5, points: 201 });
const flow = () => gradientFlow({ activations: CLASSIC, depths: [3, 5, 10, 15, 20], seed: 0 });
/** STUDY.md B's setup, as `actfn compare` runs it; trained once per dataset for all its charts. */
const trained = new Map<string, ReturnType<typeof compareActivations>>();
const compare = (dataset: 'breast-cancer' | 'moons') => {
  if (!trained.has(dataset)) {
    trained.set(dataset, compareActivations({
      dataset, activations: CLASSIC, epochs: 100, repeats: 1, hidden: [64, 32], dropout: 0.3, batchSize: 32, optimizer: adam({ learningRate: 1e-3, epsilon: 1e-7 }),
    }));
  }
  return trained.get(dataset)!;
};

const svg = (spec: () => Record<string, unknown> | Promise<Record<string, unknown>>) => async () => {
  setBackend('js');
  return `${await renderSvg(await spec())}\n`;
};

export const DOCS_CHARTS: readonly DocsChart[] = [
  { path: 'docs/curves.svg', cheap: true, make: svg(() => curvesSpec(curves())) },
  { path: 'docs/curve-gelu.svg', cheap: true, make: svg(() => curveSpec(activationCurves(['gelu'], { from: -5, to: 5, points: 201 }), 'gelu')) },
  ...GRADIENT_STATISTICS.map((statistic) => ({ path: `docs/gradflow-${statistic}.svg`, cheap: true, make: svg(() => gradientFlowSpec(flow(), { statistic })) })),
  { path: 'docs/training-breast-cancer.svg', cheap: false, make: svg(async () => trainingCurvesSpec(await compare('breast-cancer'))) },
  { path: 'docs/accuracy-breast-cancer.svg', cheap: false, make: svg(async () => accuracySpec(await compare('breast-cancer'))) },
  {
    path: 'docs/boundary-moons.svg', cheap: false, make: svg(async () => {
      const moons = await compare('moons');
      const best = moons.results[0];
      return decisionBoundarySpec(decisionBoundary(best.model, moons.xTest, moons.yTest, { resolution: 50 }), { title: `Decision boundary of the best activation (${best.activation}), test points` });
    }),
  },
];
